import "server-only";
import { eq, gte, isNull, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { cases } from "@/lib/db/schema";
import { ALL_CATEGORIES, KINDS } from "@/lib/reports/categories";
import { PLATFORMS } from "@/lib/text/canonical-url";
import { normalizeText } from "@/lib/text/normalize";
import { PRIORITIES } from "./priority";
import { CASE_STATUSES, OPEN_STATUSES } from "./workflow";

// The queue's filters, from its address to SQL conditions: shared by the list (queue.ts) and
// its counts (queue-counts.ts).

export const PRIORITY_RANK = { urgent: 0, high: 1, normal: 2, low: 3 } as const;
// Written as the partial indexes' predicate (constants, not parameters), so the planner can use them.
export const OPEN_PREDICATE = sql.raw(
  `"cases"."status" in (${OPEN_STATUSES.map((s) => `'${s}'`).join(", ")})`,
);
const blank = (v: unknown) => (v === "" ? undefined : v);

// The queue's URL search params; anything unknown or malformed is ignored, never an error page.
export const queueFilterSchema = z.object({
  kind: z.preprocess(blank, z.enum(KINDS).optional()).catch(undefined),
  category: z
    .preprocess(blank, z.enum(ALL_CATEGORIES as [string, ...string[]]).optional())
    .catch(undefined),
  platform: z.preprocess(blank, z.enum(PLATFORMS).optional()).catch(undefined),
  status: z
    .preprocess(blank, z.enum([...CASE_STATUSES, "open", "all"]).optional())
    .catch(undefined),
  priority: z.preprocess(blank, z.enum(PRIORITIES).optional()).catch(undefined),
  assignee: z
    .preprocess(blank, z.union([z.enum(["mine", "none"]), z.uuid()]).optional())
    .catch(undefined),
  from: z.preprocess(blank, z.iso.date().optional()).catch(undefined),
  to: z.preprocess(blank, z.iso.date().optional()).catch(undefined),
  q: z.preprocess(blank, z.string().max(200).optional()).catch(undefined),
  // The overdue view: open cases whose due time has passed.
  due: z.preprocess(blank, z.enum(["overdue"]).optional()).catch(undefined),
  // Cases with a takedown notice whose "still online?" look is due, open or closed.
  notice: z.preprocess(blank, z.enum(["recheck"]).optional()).catch(undefined),
  sort: z.preprocess(blank, z.enum(["priority", "newest", "most"]).optional()).catch(undefined),
  cursor: z.preprocess(blank, z.string().max(200).optional()).catch(undefined),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

export function filterConditions(
  f: QueueFilter,
  actorId: string,
  withStatus: boolean,
  now = new Date(),
): SQL[] {
  const where: (SQL | undefined)[] = [
    f.kind ? eq(cases.kind, f.kind) : undefined,
    f.category ? eq(cases.category, f.category) : undefined,
    f.platform ? sql`${cases.platforms} @> array[${f.platform}]::text[]` : undefined,
    // By rank rather than name, so the queue indexes (ordered by rank) serve the filter too.
    f.priority ? eq(cases.queueRank, PRIORITY_RANK[f.priority]) : undefined,
    f.assignee === "mine"
      ? eq(cases.assigneeId, actorId)
      : f.assignee === "none"
        ? isNull(cases.assigneeId)
        : f.assignee
          ? eq(cases.assigneeId, f.assignee)
          : undefined,
    f.from ? gte(cases.firstReportAt, new Date(`${f.from}T00:00:00Z`)) : undefined,
    f.to ? lte(cases.firstReportAt, new Date(`${f.to}T23:59:59.999Z`)) : undefined,
  ];
  const text = textCondition(f);
  if (text) where.push(text);
  // Overdue is only said of open cases: the view is open cases, whatever the status chip.
  if (f.due === "overdue") {
    where.push(lte(cases.dueAt, now));
    if (!withStatus || !f.status || f.status === "all" || f.status === "open")
      where.push(OPEN_PREDICATE);
  }
  if (f.notice === "recheck")
    where.push(
      sql`${cases.id} in (select case_id from takedown_notices where recheck_at <= ${now.toISOString()}::timestamptz)`,
    );
  if (withStatus) {
    // Notices outlive their cases (a referred case is closed): that view looks at every status.
    const status = f.status ?? (f.notice ? "all" : "open");
    if (status === "open") where.push(OPEN_PREDICATE);
    else if (status !== "all") where.push(eq(cases.status, status));
  }
  return where.filter((w): w is SQL => Boolean(w));
}

/** The search box: both sides normalised (Arabic with or without diacritics, French accents). */
export function searchPattern(f: QueueFilter): string | null {
  const q = f.q ? normalizeText(f.q) : "";
  return q ? `%${q.replace(/[%_\\]/g, "\\$&")}%` : null;
}
function textCondition(f: QueueFilter): SQL | undefined {
  const pattern = searchPattern(f);
  return pattern ? sql`${cases.searchText} like ${pattern}` : undefined;
}
