import "server-only";
import { count, eq, inArray, sql } from "drizzle-orm";
import { OPEN_STATUSES } from "@/lib/cases/workflow";
import type { Executor } from "@/lib/db/connect";
import { cases, staffUsers } from "@/lib/db/schema";

/** Open cases by how long ago their first report came (only open cases are read). */
export async function openCaseAgeing(db: Executor, now = new Date()) {
  const bucket = sql<string>`case when ${cases.firstReportAt} > ${new Date(now.getTime() - 86400_000).toISOString()}::timestamptz then 'd1'
    when ${cases.firstReportAt} > ${new Date(now.getTime() - 7 * 86400_000).toISOString()}::timestamptz then 'd7'
    when ${cases.firstReportAt} > ${new Date(now.getTime() - 30 * 86400_000).toISOString()}::timestamptz then 'd30' else 'older' end`;
  // GROUP BY the first column: the bucket expression carries parameters, so it cannot be repeated.
  const rows = await db
    .select({ bucket, n: count() })
    .from(cases)
    .where(inArray(cases.status, [...OPEN_STATUSES]))
    .groupBy(sql`1`);
  return Object.fromEntries(
    ["d1", "d7", "d30", "older"].map((b) => [b, rows.find((r) => r.bucket === b)?.n ?? 0]),
  ) as Record<"d1" | "d7" | "d30" | "older", number>;
}

/** Open cases per assignee; `email` null for unassigned ones. */
export async function workloadByAssignee(db: Executor) {
  return db
    .select({ email: staffUsers.email, n: count() })
    .from(cases)
    .leftJoin(staffUsers, eq(staffUsers.id, cases.assigneeId))
    .where(inArray(cases.status, [...OPEN_STATUSES]))
    .groupBy(staffUsers.email)
    .orderBy(sql`count(*) desc`);
}
