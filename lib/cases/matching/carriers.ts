import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/connect";
import { bandKeys } from "@/lib/text/minhash";

/**
 * A forwarded message's copies store no MinHash bands of their own (iblagh_store_reports): a case is
 * found by text through the one report of it that carries them. When a report moves to another
 * case, each of the two cases must still hold a carrier for every text among its forwarded
 * messages: the earliest report of a text that has none in the case gets its bands. Reads every
 * link-less report of the case once (a split is rare).
 */
export async function keepTextCarriers(tx: Executor, caseId: string): Promise<void> {
  const result = await tx.execute(sql`
    select (array_agg(r.id order by r.submitted_at, r.id))[1] as id, r.description_norm as norm
    from reports r
    left join lateral (select true as carries from report_text_bands b where b.report_id = r.id limit 1) b on true
    where r.case_id = ${caseId} and not exists (select 1 from report_links l where l.report_id = r.id)
    group by r.description_norm
    having not bool_or(coalesce(b.carries, false))`);
  const uncarried = result.rows as { id: string; norm: string }[];
  for (const { id, norm } of uncarried) {
    const keys = bandKeys(norm);
    if (keys.length === 0) continue;
    await tx.execute(
      sql`insert into report_text_bands (band_key, report_id) select k, ${id}::uuid from unnest(${`{${keys.join(",")}}`}::bigint[]) k`,
    );
  }
}
