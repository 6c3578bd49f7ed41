import "server-only";
import { randomUUID } from "node:crypto";
import { and, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/connect";
import { staffUsers } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE, dirOf } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translate";
import { escapeHtml } from "@/lib/mail/compose";
import { defaultTransport, mailOrigin, type MailTransport } from "@/lib/mail/transport";
import { escalateOverdue, type Escalated } from "./deadlines";

const EVERY_MS = 60_000;
const BATCH = 200;

/** The publishers' digest of one sweep: which cases were escalated, each with its link. */
export function composeEscalationMail(cases: Escalated[], locale = DEFAULT_LOCALE) {
  const t = translator(locale);
  const lines = cases.map(
    (c) =>
      `${t("staff.deadlines.mail.line", {
        ref: c.ref,
        kind: t(`staff.kinds.${c.kind as "rumor"}`),
        from: t(`staff.priorities.${c.fromPriority as "normal"}`),
        to: t(`staff.priorities.${c.toPriority as "normal"}`),
      })}\n${mailOrigin()}/${locale}/moderation/cases/${c.id}`,
  );
  const paragraphs = [t("staff.deadlines.mail.intro"), ...lines];
  const dir = dirOf(locale);
  return {
    subject: t("staff.deadlines.mail.subject", { count: cases.length }),
    text: paragraphs.join("\n\n"),
    html: `<!doctype html><html lang="${locale}" dir="${dir}"><body dir="${dir}">${paragraphs
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
      .join("")}</body></html>`,
  };
}

/**
 * One sweep: escalates every overdue case (in batches) and mails the publishers one digest.
 * Staff addresses are not a reporter's: they may be written to the mail server's log.
 */
export async function sweepOverdue(
  db: Executor,
  transport: MailTransport,
  now = new Date(),
): Promise<Escalated[]> {
  const all: Escalated[] = [];
  for (;;) {
    const batch = await escalateOverdue(db, now, BATCH);
    all.push(...batch);
    if (batch.length < BATCH) break;
  }
  if (all.length === 0) return all;
  const publishers = await db
    .select({ email: staffUsers.email })
    .from(staffUsers)
    .where(
      and(isNull(staffUsers.disabledAt), sql`${staffUsers.roles} @> array['publisher']::text[]`),
    );
  if (publishers.length === 0) return all;
  // The first cases only: a flood escalates thousands, the queue's overdue view has them all.
  const mail = composeEscalationMail(all.slice(0, 50));
  try {
    await transport.send({
      from: env.MAIL_FROM,
      to: publishers.map((p) => p.email).join(", "),
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { "Auto-Submitted": "auto-generated" },
      messageId: `<escalation-${randomUUID()}@iblagh>`,
    });
  } catch (error) {
    // The escalation stands (priority and timeline); the mail is a courtesy, not retried.
    console.error("[iblagh] escalation mail:", error instanceof Error ? error.name : "error");
  }
  return all;
}

/** Runs the sweep every minute in this process; several instances may (rows are skipped, not shared). */
export function startEscalation(db: Executor, transport: MailTransport = defaultTransport()) {
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      await sweepOverdue(db, transport);
    } catch (error) {
      console.error("[iblagh] escalation:", error instanceof Error ? error.name : "error");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(pass, EVERY_MS);
  timer.unref();
  void pass();
  return () => clearInterval(timer);
}
