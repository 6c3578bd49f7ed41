import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/connect";
import { env } from "@/lib/env";

/** Cases whose pictures are not kept: nothing was done about them, or they live on in another. */
export const MEDIA_EXPIRING_STATUSES = ["no_action", "duplicate"] as const;

/**
 * Deletes the pictures of cases closed as no_action or duplicate more than MEDIA_RETENTION_DAYS
 * ago, then every picture no report refers to (a refused report's, or those just unlinked) that
 * is over an hour old. Returns the number of pictures deleted.
 */
export async function purgeExpiredMedia(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - env.MEDIA_RETENTION_DAYS * 86_400_000);
  const orphanCutoff = new Date(now.getTime() - 3600_000);
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      delete from report_media rm using reports r, cases c
      where rm.report_id = r.id and r.case_id = c.id
        and c.status in (${sql.join(
          MEDIA_EXPIRING_STATUSES.map((s) => sql`${s}`),
          sql`, `,
        )})
        and c.closed_at < ${cutoff.toISOString()}::timestamptz`);
    const { rows } = await tx.execute(sql`
      with gone as (
        delete from media m
        where m.received_at < ${orphanCutoff.toISOString()}::timestamptz
          and not exists (select 1 from report_media rm where rm.sha256 = m.sha256)
        returning 1)
      select count(*)::int as n from gone`);
    return (rows[0] as { n: number }).n;
  });
}
