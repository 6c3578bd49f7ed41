import { sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { transitionCase } from "@/lib/cases/service";
import { reportSchema } from "@/lib/reports/schema";
import { storeReport } from "@/lib/reports/store";
import { withTestDb } from "@/lib/testing/db";
import { reportOfReceipt, staff } from "@/lib/testing/fixtures";
import { sendDueMail } from "./sender";
import { smtpTransport } from "./transport";
import { unsubscribe } from "./unsubscribe";
import { purgeExpiredContacts } from "@/lib/reports/contact-retention";

// A real SMTP server, started by the test: what arrives is what a reporter would read.
const conn = withTestDb();
const received: { to: string; raw: string }[] = [];
let server: SMTPServer;
let port = 0;
let mod: Actor;

const listen = async () => {
  server = new SMTPServer({
    authOptional: true,
    // Stopping it (the "server down" test) does not wait for the pooled connections.
    closeTimeout: 100,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        for (const r of session.envelope.rcptTo)
          received.push({ to: r.address, raw: Buffer.concat(chunks).toString("utf8") });
        done();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(port, "127.0.0.1", ok));
  port = (server.server.address() as { port: number }).port;
};
const close = () => new Promise<void>((ok) => server.close(() => ok()));

beforeAll(async () => {
  await listen();
  mod = await staff(conn.db, ["moderator"]);
});
afterAll(close);

const transport = () => smtpTransport(`smtp://127.0.0.1:${port}`);
let n = 0;
async function reportAsking(email: string, locale: "ar" | "fr" = "ar") {
  const input = reportSchema.parse({
    kind: "rumor",
    category: "security_rumor",
    platform: "whatsapp",
    description: `رسالة متداولة عن انفجار قنينة غاز في حي شعبي رقم ${++n} ${Math.random()}`,
    contact: { email },
    notify: true,
    declaration: true,
    locale,
  });
  const r = await storeReport(conn.db, input, { locale });
  return { ...(await reportOfReceipt(conn.db, r.receipt)), receipt: r.receipt };
}
const decoded = (raw: string) => raw.replace(/=\r?\n/g, "");

describe("mail to reporters who asked", () => {
  it("sends the confirmation once, with the receipt, right to left in Arabic", async () => {
    const r = await reportAsking("citizen1@example.org");
    const before = received.length;
    // Two workers at once (two instances): the message is leased by one.
    await Promise.all([sendDueMail(conn.db, transport()), sendDueMail(conn.db, transport())]);
    await sendDueMail(conn.db, transport());
    const mine = received.slice(before).filter((m) => m.to === "citizen1@example.org");
    expect(mine).toHaveLength(1);
    expect(mine[0].raw).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
    expect(mine[0].raw).toContain("text/plain");
    expect(decoded(mine[0].raw)).toContain('dir=3D"rtl"');
    // The receipt is in the message, and gone from the outbox once sent.
    expect(mine[0].raw.replace(/=\r?\n/g, "")).toContain(r.receipt.slice(0, 4));
    const { rows } = await conn.db.execute(
      sql`select payload_enc, sent_at is not null as sent from outbox where report_id = ${r.id}`,
    );
    expect(rows).toEqual([{ payload_enc: null, sent: true }]);
  });

  it("keeps a message while the mail server is down, and sends it once it is back", async () => {
    await reportAsking("citizen2@example.org", "fr");
    await close();
    const down = await sendDueMail(conn.db, transport());
    expect(down).toMatchObject({ sent: 0, failed: 1 });
    await listen();
    // Not yet due again (backoff), then due a minute later.
    expect((await sendDueMail(conn.db, transport())).sent).toBe(0);
    const later = () => new Date(Date.now() + 60_000);
    expect((await sendDueMail(conn.db, transport(), { now: later })).sent).toBe(1);
    expect(received.filter((m) => m.to === "citizen2@example.org")).toHaveLength(1);
  });

  it("tells the outcome when the case closes; unsubscribing stops the next message", async () => {
    const told = await reportAsking("citizen3@example.org");
    const stopped = await reportAsking("citizen4@example.org");
    await sendDueMail(conn.db, transport());
    const tokenOf = (url: string) => new URL(url).searchParams;
    const raw = received.find((m) => m.to === "citizen4@example.org")!.raw;
    const link = decoded(raw).match(/https?:\/\/\S+\/unsubscribe\?r=[\w-]+&t=[\w-]+/)![0];
    const params = tokenOf(link.replace(/&amp;/g, "&"));
    expect(await unsubscribe(conn.db, params.get("r"), "forged-token-forged-token-forged")).toBe(
      false,
    );
    expect(await unsubscribe(conn.db, params.get("r"), params.get("t"))).toBe(true);

    for (const r of [told, stopped])
      await transitionCase(conn.db, mod, {
        caseId: r.caseId,
        to: "no_action",
        note: "لا يمس بالأمن",
      });
    const before = received.length;
    await sendDueMail(conn.db, transport());
    const after = received.slice(before);
    expect(after.map((m) => m.to)).toEqual(["citizen3@example.org"]);
  });
});

describe("contact retention", () => {
  it("deletes contact details CONTACT_RETENTION_DAYS after the case closes, and what waited", async () => {
    const r = await reportAsking("citizen5@example.org");
    await transitionCase(conn.db, mod, {
      caseId: r.caseId,
      to: "no_action",
      note: "لا يمس بالأمن",
    });
    await conn.db.execute(
      sql`update cases set closed_at = now() - interval '31 days' where id = ${r.caseId}`,
    );
    expect(await purgeExpiredContacts(conn.db)).toBeGreaterThanOrEqual(1);
    const { rows } = await conn.db.execute(
      sql`select r.contact_enc, r.notify, (select count(*)::int from outbox o
          where o.report_id = r.id and o.sent_at is null) as waiting
          from reports r where r.id = ${r.id}`,
    );
    expect(rows).toEqual([{ contact_enc: null, notify: false, waiting: 0 }]);
  });
});
