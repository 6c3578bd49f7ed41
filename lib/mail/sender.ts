import "server-only";
import { sql } from "drizzle-orm";
import type { FinalStatus } from "@/lib/cases/workflow";
import type { Executor } from "@/lib/db/connect";
import { env } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { decrypt } from "@/lib/security/crypto";
import { getSecrets } from "@/lib/security/secrets";
import { statementForCase, inLocale } from "@/lib/statements/public";
import { composeMail, type MailContent } from "./compose";
import { mailOrigin, type MailTransport } from "./transport";
import { oneClickUrl, unsubscribeUrl } from "./unsubscribe";

/**
 * Messages in flight at once: enough to pass 50 a second to a local server (each exchange
 * waits ~44 ms on replies), few enough to leave the intake its CPU (BENCHMARKS.md, mail).
 */
const LANES = 3;
/** A claimed message is the worker's for this long; after it, another pass may send it. */
const LEASE_SECONDS = 120;
/** 15 s, 30 s, 1 min, … up to an hour between attempts while the mail server refuses. */
export const backoffSeconds = (attempts: number) => Math.min(3600, 15 * 2 ** (attempts - 1));

interface Claimed {
  id: string | number;
  kind: "confirmation" | "outcome";
  payload_enc: string | null;
  attempts: number;
  report_id: string;
  contact_enc: string | null;
  locale: string;
  notify: boolean;
  case_id: string;
  status: string;
}

/** Takes the next due message, leasing it (a committed update, so no lock is held while sending). */
async function claim(db: Executor, now: Date): Promise<Claimed | null> {
  const { rows } = await db.execute(sql`
    update outbox o set attempts = o.attempts + 1,
      next_attempt_at = ${now}::timestamptz + make_interval(secs => ${LEASE_SECONDS})
    from reports r join cases c on c.id = r.case_id
    where o.id = (select id from outbox where sent_at is null and next_attempt_at <= ${now}
                  order by next_attempt_at, id limit 1 for update skip locked)
      and r.id = o.report_id
    returning o.id, o.kind, o.payload_enc, o.attempts, o.report_id, r.contact_enc, r.locale,
      r.notify, r.case_id, c.status`);
  return (rows[0] as unknown as Claimed | undefined) ?? null;
}

async function contentOf(db: Executor, m: Claimed, locale: Locale, key: Buffer) {
  const links = {
    unsubscribeUrl: unsubscribeUrl(mailOrigin(), locale, m.report_id),
    oneClickUrl: oneClickUrl(mailOrigin(), m.report_id),
  };
  if (m.kind === "confirmation") {
    const { receipt } = JSON.parse(decrypt(m.payload_enc!, key)) as { receipt: string };
    return { kind: "confirmation", locale, receipt, ...links } as MailContent;
  }
  const statement = await statementForCase(db, m.case_id);
  const lang = statement ? inLocale(statement.content, locale).locale : locale;
  return {
    kind: "outcome",
    locale,
    outcome: m.status as FinalStatus,
    statementUrl: statement ? `${mailOrigin()}/${lang}/statements/${statement.slug}` : undefined,
    ...links,
  } as MailContent;
}

/**
 * Sends the messages that are due until none is or `limit` were tried, `lanes` at a time (an
 * SMTP exchange waits on the server's replies: one message after another, a local server took
 * ~44 ms each). The address is decrypted here and nowhere else, and never logged. A message
 * the server refused waits (backoff) and is tried again; one whose reporter unsubscribed or
 * whose contact is gone is dropped. A crash between the server's acceptance and the final
 * update sends that one message again after its lease (same Message-ID, so clients can tell).
 */
export async function sendDueMail(
  db: Executor,
  transport: MailTransport,
  opts: { now?: () => Date; limit?: number; lanes?: number } = {},
): Promise<{ sent: number; failed: number; dropped: number }> {
  const now = opts.now ?? (() => new Date());
  const { encryptionKey } = getSecrets();
  const done = { sent: 0, failed: 0, dropped: 0 };
  let tried = 0;
  const lane = async () => {
    while (tried < (opts.limit ?? 100)) {
      tried++;
      const m = await claim(db, now());
      if (!m) return;
      done[await deliver(db, transport, m, now, encryptionKey)]++;
    }
  };
  await Promise.all(Array.from({ length: opts.lanes ?? LANES }, lane));
  return done;
}

async function deliver(
  db: Executor,
  transport: MailTransport,
  m: Claimed,
  now: () => Date,
  key: Buffer,
): Promise<"sent" | "failed" | "dropped"> {
  const to = m.contact_enc
    ? (JSON.parse(decrypt(m.contact_enc, key)) as { email?: string }).email
    : undefined;
  if (!m.notify || !to || (m.kind === "confirmation" && !m.payload_enc)) {
    await db.execute(sql`update outbox set sent_at = ${now()}, payload_enc = null,
      last_error = 'dropped' where id = ${m.id}`);
    return "dropped";
  }
  const locale = isLocale(m.locale) ? m.locale : "ar";
  const mail = composeMail(await contentOf(db, m, locale, key));
  try {
    await transport.send({
      from: env.MAIL_FROM,
      to,
      ...mail,
      messageId: `<outbox-${m.id}@iblagh>`,
    });
  } catch (error) {
    const e = error as { responseCode?: number; code?: string };
    const code = String(e.responseCode ?? e.code ?? "send_failed").slice(0, 40);
    await db.execute(sql`update outbox set last_error = ${code},
      next_attempt_at = ${now()}::timestamptz + make_interval(secs => ${backoffSeconds(m.attempts)})
      where id = ${m.id}`);
    return "failed";
  }
  await db.execute(sql`update outbox set sent_at = ${now()}, payload_enc = null,
    last_error = null where id = ${m.id}`);
  return "sent";
}
