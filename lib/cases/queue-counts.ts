import "server-only";
import { and, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/connect";
import { cases } from "@/lib/db/schema";
import { filterConditions, type QueueFilter } from "./queue-filter";
import { OPEN_STATUSES } from "./workflow";

/** A status chip shows at most this many; above it, "1000+". */
export const COUNT_CAP = 1000;

/**
 * Open cases per status under the same filters (the status filter aside), each counted up to
 * `cap + 1`, so the queue costs the same with 300,000 untriaged cases after a flood as with 300
 * (uncapped, a flood made every moderator's queue slow: BENCHMARKS.md). Closed cases are not
 * counted: they grow forever.
 */
export async function countByStatus(
  db: Executor,
  f: QueueFilter,
  actorId: string,
  cap = COUNT_CAP,
): Promise<Record<string, number>> {
  const where = and(...filterConditions(f, actorId, false));
  // One bounded count per status, each with its status as a constant: the planner then reads
  // the status index (a parameter made it scan the table for the rare ones).
  const counts = OPEN_STATUSES.map(
    (status) => sql`select ${status}::text as status, (
      select count(*)::int from (select 1 from ${cases} where ${cases.status} = ${sql.raw(`'${status}'`)} ${where ? sql`and ${where}` : sql``} limit ${cap + 1}) x
    ) as n`,
  );
  const result = await db.execute(sql.join(counts, sql` union all `));
  const rows = result.rows as { status: string; n: number }[];
  return Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [r.status, Number(r.n)]));
}

/** Open cases past their due time under the same filters (status aside), counted up to `cap + 1`. */
export async function countOverdue(
  db: Executor,
  f: QueueFilter,
  actorId: string,
  cap = COUNT_CAP,
  now = new Date(),
): Promise<number> {
  const where = and(...filterConditions({ ...f, due: "overdue" }, actorId, false, now));
  const result = await db.execute(
    sql`select count(*)::int as n from (select 1 from ${cases} where ${where} limit ${cap + 1}) x`,
  );
  return Number((result.rows[0] as { n: number }).n);
}

/** Takedown notices whose "still online?" look is due (cases' filters aside), up to `cap + 1`. */
export async function countNoticeRechecks(
  db: Executor,
  cap = COUNT_CAP,
  now = new Date(),
): Promise<number> {
  const result = await db.execute(
    sql`select count(*)::int as n from (select 1 from takedown_notices where recheck_at <= ${now.toISOString()}::timestamptz limit ${cap + 1}) x`,
  );
  return Number((result.rows[0] as { n: number }).n);
}
