import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/connect";
import { env } from "@/lib/env";

/**
 * A reporter's contact details go CONTACT_RETENTION_DAYS after their case closes, with any
 * message still waiting for them (nothing left to send it to). Reads only the reports that
 * still hold a contact (a partial index), whatever the number of reports.
 */
export async function purgeExpiredContacts(db: Executor, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - env.CONTACT_RETENTION_DAYS * 86_400_000);
  const { rows } = await db.execute(sql`
    with gone as (
      update reports r set contact_enc = null, notify = false
      from cases c
      where r.contact_enc is not null and c.id = r.case_id and c.closed_at < ${cutoff}
      returning r.id)
    , dropped as (delete from outbox o using gone where o.report_id = gone.id and o.sent_at is null)
    select count(*)::int as n from gone`);
  return (rows[0] as { n: number }).n;
}
