import fs from "node:fs";
import path from "node:path";
import { expect, fillRumor, messages, test, uniqueText } from "./fixtures";

// "Tell me the outcome": without SMTP_URL the app writes each message as an .eml file under
// $DATA_DIR/outbox (scripts/e2e-server.sh: .data/e2e). What a reporter would read, decoded.
const OUTBOX = path.join(".data", "e2e", "outbox");

/** The text parts of a MIME message (base64 or quoted-printable), and its decoded subject. */
function readEml(eml: string) {
  // Headers folded over lines are one line.
  const raw = eml.replace(/\n[ \t]+(?=\S)/g, " ");
  const subject = raw
    .match(/^Subject: (.*(?:\n .*)*)/m)![1]
    .replace(/\n /g, "")
    .replace(/=\?UTF-8\?B\?([^?]+)\?=/gi, (_, b) => Buffer.from(b, "base64").toString("utf8"));
  const parts = raw.split(/\n--[^\n]+\n/).map((part) => {
    const [head, ...body] = part.split("\n\n");
    const text = body.join("\n\n");
    if (/Content-Transfer-Encoding: base64/i.test(head))
      return Buffer.from(text.replace(/\s+/g, ""), "base64").toString("utf8");
    if (/Content-Transfer-Encoding: quoted-printable/i.test(head))
      return Buffer.from(
        text.replace(/=\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h) => `%${h}`),
        "latin1",
      )
        .toString()
        .replace(/(%[0-9A-F]{2})+/g, (s) => decodeURIComponent(s));
    return "";
  });
  return {
    subject,
    body: parts.join("\n"),
    unsubscribe: raw.match(/List-Unsubscribe: <([^>]+)>/)![1],
  };
}

test("a reporter who asks is told by e-mail, in Arabic, and can stop the messages with one click", async ({
  page,
}) => {
  const email = `reporter-${Date.now()}@example.org`;
  await page.goto("/ar/report");
  await fillRumor(page, "ar", {
    description: uniqueText("رسالة متداولة عن تسرب غاز سام في المنطقة الصناعية"),
    email,
  });
  await page.getByLabel(messages.ar.report.notify).check();
  await page.getByRole("button", { name: messages.ar.report.submit }).click();
  const receipt = (await page.getByTestId("receipt").textContent())!.trim();

  let found: ReturnType<typeof readEml> | undefined;
  await expect
    .poll(
      () => {
        for (const f of fs.existsSync(OUTBOX) ? fs.readdirSync(OUTBOX) : []) {
          const raw = fs.readFileSync(path.join(OUTBOX, f), "utf8");
          if (raw.includes(`To: ${email}`)) found = readEml(raw);
        }
        return found?.body ?? "";
      },
      { timeout: 20_000 },
    )
    .toContain(receipt);
  expect(found!.subject).toBe(messages.ar.mail.confirmation.subject);
  expect(found!.body).toContain('dir="rtl"');
  expect(found!.body).not.toMatch(/<img/i);

  // The page the message links to stops them, with a press of its button.
  const { searchParams } = new URL(found!.unsubscribe);
  await page.goto(`/ar/unsubscribe?r=${searchParams.get("r")}&t=${searchParams.get("t")}`);
  await page.getByRole("button", { name: messages.ar.unsubscribe.confirm }).click();
  await expect(page.getByTestId("unsubscribe-done")).toHaveText(messages.ar.unsubscribe.done);
  // A forged link does nothing.
  await page.goto(`/ar/unsubscribe?r=${searchParams.get("r")}&t=forged`);
  await page.getByRole("button", { name: messages.ar.unsubscribe.confirm }).click();
  await expect(page.getByTestId("unsubscribe-invalid")).toBeVisible();
});
