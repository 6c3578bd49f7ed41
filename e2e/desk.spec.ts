import { expect, messages, test, uniqueText } from "./fixtures";
import { DEMO, expectSignedIn, openCaseOf, signIn } from "./staff";

const s = messages.ar.staff;
const d = messages.ar.desk;

// A takedown notice from a case: prepared in the platform's language, sent, then removed; the
// case's link then says it is down.
test("a moderator prepares a takedown notice, records it sent and the content removed", async ({
  page,
  request,
}) => {
  const description = uniqueText("فيديو يحرض على الاعتداء على عائلة في حي شعبي بمدينة فاس");
  const url = `https://www.tiktok.com/@e2e/video/73${Date.now()}`;
  const res = await request.post("/api/v1/reports", {
    data: {
      kind: "violent_content",
      category: "violence",
      urls: [url],
      description,
      declaration: true,
    },
  });
  expect(res.status()).toBe(201);
  await signIn(page, DEMO.moderator, { next: "/ar/moderation" });
  await expectSignedIn(page);
  await openCaseOf(page, description);

  // The deadline is shown, not yet passed.
  await expect(page.getByTestId("case-due")).toHaveAttribute("data-overdue", "false");

  const notice = page.getByTestId("notice");
  await expect(notice).toHaveAttribute("data-status", "none");
  // TikTok's channel is in English by default.
  await expect(notice.getByLabel(d.notice.language)).toHaveValue("en");
  await notice
    .getByLabel(d.notice.reasons)
    .fill("The video calls for violence against a named family and shows their address.");
  await notice.getByRole("button", { name: d.notice.prepare }).click();
  await expect(notice).toHaveAttribute("data-status", "prepared");
  await notice.getByText(d.notice.text).click();
  await expect(notice.getByTestId("notice-text")).toHaveValue(/Article 16/);
  await expect(notice.getByTestId("notice-text")).toHaveValue(/tiktok\.com/);
  await notice.getByText(d.notice.json).click();
  await expect(notice.getByTestId("notice-json")).toContainText('"goodFaithStatement"');

  await notice.getByLabel(d.notice.sentTo).fill("TikTok illegal content form");
  await notice.getByRole("button", { name: d.notice.events.sent }).click();
  await expect(notice).toHaveAttribute("data-status", "sent");
  await expect(notice.getByTestId("notice-recheck")).toBeVisible();
  await notice.getByRole("button", { name: d.notice.events.removed }).click();
  await expect(notice).toHaveAttribute("data-status", "removed");
  await expect(page.getByTestId("link-down")).toHaveText(s.case.linkDown);
  await expect(page.getByTestId("timeline")).toContainText(s.events.noticeEvents.removed);
});

test("an admin changes a deadline and a canned text, and is refused a wrong deadline", async ({
  page,
}) => {
  await signIn(page, DEMO.admin, { next: "/ar/moderation/desk" });
  await expectSignedIn(page);
  await page.goto("/ar/moderation/desk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(d.title);

  const row = page.getByTestId("deadlines").locator("form").first();
  const first = row.getByLabel(d.deadlines.firstAction);
  const was = await first.inputValue();
  await first.fill(String(Number(was) + 1));
  await row.getByRole("button", { name: d.save }).click();
  await expect(page.getByTestId("desk-done")).toBeVisible();
  await expect(
    page.getByTestId("deadlines").locator("form").first().getByLabel(d.deadlines.firstAction),
  ).toHaveValue(String(Number(was) + 1));
  // Put it back: other tests count on the defaults. (A fresh page each time: the last
  // outcome's message must not stand for the next one's.)
  await page.goto("/ar/moderation/desk");
  const again = page.getByTestId("deadlines").locator("form").first();
  await again.getByLabel(d.deadlines.firstAction).fill(was);
  await again.getByRole("button", { name: d.save }).click();
  await expect(page.getByTestId("desk-done")).toBeVisible();

  // A decision before the first action is refused, with a message, not a 500.
  await page.goto("/ar/moderation/desk");
  const bad = page.getByTestId("deadlines").locator("form").first();
  await bad.getByLabel(d.deadlines.decision).fill("1");
  await bad.getByRole("button", { name: d.save }).click();
  await expect(page.getByTestId("desk-error")).toBeVisible();

  // A closing note rewritten, then back to the default by emptying it.
  await page.goto("/ar/moderation/desk");
  const tpl = page.getByTestId("template").filter({ hasText: d.templates.closing }).first();
  await tpl.locator("summary").click();
  await tpl.locator("textarea").fill("أُغلق الملف {caseRef}: {outcome}. نص تجريبي.");
  await tpl.getByRole("button", { name: d.save }).click();
  await expect(page.getByTestId("desk-done")).toBeVisible();
  const changed = page.getByTestId("template").filter({ hasText: d.templates.custom });
  await expect(changed).toHaveCount(1);
  await page.goto("/ar/moderation/desk");
  await changed.locator("summary").click();
  await changed.locator("textarea").fill("");
  await changed.getByRole("button", { name: d.save }).click();
  await expect(page.getByTestId("desk-done")).toBeVisible();
  await expect(page.getByTestId("template").filter({ hasText: d.templates.custom })).toHaveCount(0);
});

test("the desk settings are the admins' alone", async ({ page }) => {
  await signIn(page, DEMO.moderator, { next: "/ar/moderation" });
  await expectSignedIn(page);
  const res = await page.goto("/ar/moderation/desk");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("link", { name: s.nav.desk })).toHaveCount(0);
});
