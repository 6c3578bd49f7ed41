// Run by scripts/bench/mail.ts in a process of its own (it needs its own secrets): intake
// alone, then intake while the mail worker drains thousands of messages to a local SMTP
// server; prints one JSON line.
import { sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { connectPostgres } from "@/lib/db/connect";
import { sendDueMail } from "@/lib/mail/sender";
import { smtpTransport } from "@/lib/mail/transport";
import { reportSchema } from "@/lib/reports/schema";
import { storeReport } from "@/lib/reports/store";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 3000);
const LANES = process.env.BENCH_LANES ? Number(process.env.BENCH_LANES) : undefined;
const conn = connectPostgres(process.env.DATABASE_URL!, { max: 10 });
let delivered = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _s, done) {
    stream.on("data", () => {});
    stream.on("end", () => {
      delivered++;
      done();
    });
  },
});
await new Promise<void>((ok) => smtp.listen(0, "127.0.0.1", ok));
const port = (smtp.server.address() as { port: number }).port;

let n = 0;
const report = (notify: boolean) =>
  reportSchema.parse({
    kind: "rumor",
    category: "security_rumor",
    platform: "whatsapp",
    description: `رسالة متداولة رقم ${++n} ${Math.random()} عن حادث في الطريق السيار قرب المدينة`,
    ...(notify ? { contact: { email: `r${n}@example.org` }, notify: true } : {}),
    declaration: true,
  });

/** Reports stored per second by 8 concurrent clients for `ms`. */
async function intake(ms: number) {
  let stored = 0;
  const end = performance.now() + ms;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (performance.now() < end) {
        await storeReport(conn.db, report(false), { locale: "ar" });
        stored++;
      }
    }),
  );
  return stored / (ms / 1000);
}

await intake(2000); // warm
const alone = [await intake(8000)];
// The messages: confirmations of reporters who asked, written as intake writes them.
const since = new Date();
for (let i = 0; i < MESSAGES; i += 8)
  await Promise.all(
    Array.from({ length: 8 }, () => storeReport(conn.db, report(true), { locale: "ar" })),
  );
const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
const started = performance.now();
let drainedAt = 0;
const worker = (async () => {
  for (;;) {
    const r = await sendDueMail(conn.db, transport, { limit: 200, lanes: LANES });
    if (r.sent === 0 && r.failed === 0 && r.dropped === 0) {
      drainedAt ||= performance.now();
      if (performance.now() - started > 9000) return;
      await new Promise((w) => setTimeout(w, 100));
    }
  }
})();
const withMail = [await intake(8000)];
await worker;
const { rows } = await conn.db.execute(sql`
  select count(*)::int as sent,
    coalesce(max(extract(epoch from sent_at - created_at)), 0)::float as oldest
  from outbox where created_at > ${since} and sent_at is not null`);
const { sent, oldest } = rows[0] as { sent: number; oldest: number };
console.log(
  JSON.stringify({
    alone: alone[0],
    withMail: withMail[0],
    delivered,
    sent,
    seconds: ((drainedAt || performance.now()) - started) / 1000,
    oldest,
  }),
);
await new Promise<void>((ok) => smtp.close(() => ok()));
await conn.close();
process.exit(0);
