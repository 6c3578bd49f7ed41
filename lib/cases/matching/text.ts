import "server-only";
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/connect";
import { cases, reports } from "@/lib/db/schema";
import { similarityTo } from "@/lib/text/minhash";
import { OPEN_STATUSES } from "../workflow";

const CANDIDATE_REPORTS = 20;
/** Rows read per band key, newest first: here and in iblagh_case_for_exact_text (sent in the payload). */
export const PER_BAND = 50;

export interface TextMatch {
  caseId: string;
  reportId: string;
  score: number;
}

/**
 * Open cases (or cases in `statuses`) whose link-less reports read like this text, best first. Candidates come from
 * MinHash band keys (equality on an index, bounded), then each is scored exactly.
 *
 * The bound is taken before the case filter, so which end of each key is read matters for a
 * message with thousands of copies: `newest` (default) finds the open case of a rumour that
 * came back after its closed one; `oldest` finds that closed one under the copies of its return.
 */
export async function findCasesByText(
  tx: Executor,
  opts: {
    kind?: string;
    norm: string;
    bandKeys: bigint[];
    excludeCaseId?: string;
    minScore: number;
    limit?: number;
    statuses?: readonly string[];
    read?: "newest" | "oldest";
  },
): Promise<TextMatch[]> {
  if (opts.bandKeys.length === 0) return [];
  // At most PER_BAND reports per band key (a range scan of the primary key each): a message
  // forwarded a hundred thousand times must not turn one lookup into a hundred thousand rows.
  const keys = sql.join(
    opts.bandKeys.map((k) => sql`${k.toString()}::bigint`),
    sql`, `,
  );
  const candidates = tx
    .select({
      reportId: sql<string>`hit.report_id`.as("report_id"),
      hits: sql<number>`count(*)`.as("hits"),
    })
    .from(
      sql`unnest(array[${keys}]) as k(band_key) cross join lateral (select b.report_id from report_text_bands b where b.band_key = k.band_key order by b.seq ${sql.raw(opts.read === "oldest" ? "asc" : "desc")} limit ${PER_BAND}) as hit`,
    )
    .groupBy(sql`hit.report_id`)
    .orderBy(desc(sql`count(*)`))
    .limit(CANDIDATE_REPORTS * 5)
    .as("candidates");
  const rows = await tx
    .select({ reportId: reports.id, caseId: reports.caseId, norm: reports.descriptionNorm })
    .from(candidates)
    .innerJoin(reports, eq(reports.id, candidates.reportId))
    .innerJoin(cases, eq(cases.id, reports.caseId))
    .where(
      and(
        inArray(cases.status, [...(opts.statuses ?? OPEN_STATUSES)]),
        opts.kind ? eq(cases.kind, opts.kind) : undefined,
        opts.excludeCaseId ? ne(cases.id, opts.excludeCaseId) : undefined,
      ),
    )
    .orderBy(desc(candidates.hits))
    .limit(CANDIDATE_REPORTS);
  const best = new Map<string, TextMatch>();
  const similarity = similarityTo(opts.norm);
  for (const r of rows) {
    const score = similarity(r.norm);
    if (score < opts.minScore) continue;
    const prior = best.get(r.caseId);
    if (!prior || prior.score < score)
      best.set(r.caseId, { caseId: r.caseId, reportId: r.reportId, score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, opts.limit ?? 5);
}
