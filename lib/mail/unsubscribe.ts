import "server-only";
import { timingSafeEqual } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/connect";
import type { Locale } from "@/lib/i18n/config";
import { keyedHash } from "@/lib/security/crypto";
import { getSecrets } from "@/lib/security/secrets";
import { isUuid } from "@/lib/validation";

// One click, no receipt, no account: the link carries the report's id and a keyed hash of it,
// so only the messages we sent can stop the messages.
const tokenOf = (reportId: string) =>
  keyedHash(reportId, getSecrets().encryptionKey, "unsubscribe");

/** The page a reporter opens from the message (a button there stops the messages). */
export const unsubscribeUrl = (origin: string, locale: Locale, reportId: string) =>
  `${origin}/${locale}/unsubscribe?r=${reportId}&t=${tokenOf(reportId)}`;

/** The address mail clients POST to for a one-click unsubscribe (RFC 8058). */
export const oneClickUrl = (origin: string, reportId: string) =>
  `${origin}/api/v1/unsubscribe?r=${reportId}&t=${tokenOf(reportId)}`;

/** Stops every message still to come for this report; false when the link is not one of ours. */
export async function unsubscribe(db: Executor, reportId: unknown, token: unknown) {
  if (typeof reportId !== "string" || typeof token !== "string" || !isUuid(reportId)) return false;
  const expected = Buffer.from(tokenOf(reportId));
  const given = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  await db.transaction(async (tx) => {
    await tx.execute(sql`update reports set notify = false where id = ${reportId}`);
    await tx.execute(sql`delete from outbox where report_id = ${reportId} and sent_at is null`);
  });
  return true;
}
