import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/lib/db/connect";
import { cases, staffUsers } from "@/lib/db/schema";
import { ALL_CATEGORIES, KINDS } from "@/lib/reports/categories";
import { PLATFORMS } from "@/lib/text/canonical-url";
import { normalizeText } from "@/lib/text/normalize";
import { PRIORITIES } from "./priority";
import { CASE_STATUSES, OPEN_STATUSES } from "./workflow";

/** The case columns that lists and the case page both show. */
export const caseSummaryColumns = {
  id: cases.id,
  ref: cases.ref,
  kind: cases.kind,
  category: cases.category,
  summary: cases.summary,
  status: cases.status,
  priority: cases.priority,
  platforms: cases.platforms,
  reportCount: cases.reportCount,
  firstReportAt: cases.firstReportAt,
  latestReportAt: cases.latestReportAt,
  dueAt: cases.dueAt,
};

export const PAGE_SIZE = 50;
const PRIORITY_RANK = { urgent: 0, high: 1, normal: 2, low: 3 } as const;
// Written as the partial indexes' predicate (constants, not parameters), so the planner can use them.
const OPEN_PREDICATE = sql.raw(
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
  sort: z.preprocess(blank, z.enum(["priority", "newest", "most"]).optional()).catch(undefined),
  cursor: z.preprocess(blank, z.string().max(200).optional()).catch(undefined),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

export interface QueueRow {
  id: string;
  ref: number;
  kind: string;
  category: string;
  summary: string;
  status: string;
  priority: string;
  platforms: string[];
  reportCount: number;
  firstReportAt: Date;
  latestReportAt: Date;
  dueAt: Date;
  assigneeEmail: string | null;
}

type Cursor = (string | number)[];
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decodeCursor(s: string | undefined): Cursor | null {
  if (!s) return null;
  try {
    const v = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    return Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

function filterConditions(
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
  if (withStatus) {
    const status = f.status ?? "open";
    if (status === "open") where.push(OPEN_PREDICATE);
    else if (status !== "all") where.push(eq(cases.status, status));
  }
  return where.filter((w): w is SQL => Boolean(w));
}

/** The search box: both sides normalised (Arabic with or without diacritics, French accents). */
function searchPattern(f: QueueFilter): string | null {
  const q = f.q ? normalizeText(f.q) : "";
  return q ? `%${q.replace(/[%_\\]/g, "\\$&")}%` : null;
}
function textCondition(f: QueueFilter): SQL | undefined {
  const pattern = searchPattern(f);
  return pattern ? sql`${cases.searchText} like ${pattern}` : undefined;
}

/** Open cases read in queue order before the search falls back to the trigram index. */
export const SEARCH_WINDOW = 2000;

/**
 * The default queue's search, when it is dense enough: the next SEARCH_WINDOW open cases in
 * queue order, read from the queue index alone (it carries the summary's text), filtered by the
 * words. A full page found there is exactly the page the trigram index would give, without
 * fetching every case that matches: after a flood, a city's name matches thousands of open
 * cases. Null when the page is not full: a rarer phrase, which the trigram index finds fast.
 */
function searchWindow(db: Executor, f: QueueFilter, keyset: SQL | undefined, pageSize: number) {
  const pattern = searchPattern(f);
  const onlyText =
    pattern &&
    (f.sort ?? "priority") === "priority" &&
    (f.status ?? "open") === "open" &&
    !f.kind &&
    !f.category &&
    !f.platform &&
    !f.priority &&
    !f.assignee &&
    !f.from &&
    !f.to &&
    !f.due;
  if (!onlyText) return null;
  const w = db
    .select({
      id: cases.id,
      queueRank: cases.queueRank,
      dueAt: cases.dueAt,
      searchText: cases.searchText,
    })
    .from(cases)
    .where(and(OPEN_PREDICATE, keyset))
    .orderBy(asc(cases.queueRank), asc(cases.dueAt), asc(cases.id))
    .limit(SEARCH_WINDOW)
    .as("w");
  return db
    .select({ id: w.id })
    .from(w)
    .where(sql`${w.searchText} like ${pattern}`)
    .orderBy(asc(w.queueRank), asc(w.dueAt), asc(w.id))
    .limit(pageSize + 1);
}

/** One page of the queue, keyset-paginated (no OFFSET): the cursor holds the last row's sort key. */
export async function listQueue(
  db: Executor,
  f: QueueFilter,
  actorId: string,
  pageSize = PAGE_SIZE,
  now = new Date(),
): Promise<{ rows: QueueRow[]; nextCursor: string | null }> {
  let where = filterConditions(f, actorId, true, now);
  const cursor = decodeCursor(f.cursor);
  const sort = f.sort ?? "priority";
  let order: SQL[];
  let keyset: SQL | undefined;
  if (sort === "newest") {
    order = [desc(cases.latestReportAt), desc(cases.id)];
    if (cursor?.length === 2)
      where.push(
        sql`(${cases.latestReportAt}, ${cases.id}) < (${new Date(String(cursor[0])).toISOString()}::timestamptz, ${String(cursor[1])}::uuid)`,
      );
  } else if (sort === "most") {
    order = [desc(cases.reportCount), desc(cases.id)];
    if (cursor?.length === 2)
      where.push(
        sql`(${cases.reportCount}, ${cases.id}) < (${Number(cursor[0])}, ${String(cursor[1])}::uuid)`,
      );
  } else {
    // Within a priority, the soonest due first: overdue cases lead their priority.
    order = [asc(cases.queueRank), asc(cases.dueAt), asc(cases.id)];
    if (cursor?.length === 3) {
      const [rank, due, id] = [
        Number(cursor[0]),
        new Date(String(cursor[1])).toISOString(),
        String(cursor[2]),
      ];
      keyset = sql`(${cases.queueRank}, ${cases.dueAt}, ${cases.id}) > (${rank}::smallint, ${due}::timestamptz, ${id}::uuid)`;
      where.push(keyset);
    }
    const hits = await searchWindow(db, f, keyset, pageSize);
    // A full page from the window: these cases, in the same order; else the trigram index.
    if (hits && hits.length > pageSize)
      where = [
        inArray(
          cases.id,
          hits.map((h) => h.id),
        ),
      ];
  }
  const rows = await db
    .select({
      ...caseSummaryColumns,
      queueRank: cases.queueRank,
      assigneeEmail: staffUsers.email,
    })
    .from(cases)
    .leftJoin(staffUsers, eq(staffUsers.id, cases.assigneeId))
    .where(and(...where))
    .orderBy(...order)
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const nextCursor =
    rows.length > pageSize && last
      ? encodeCursor(
          sort === "newest"
            ? [last.latestReportAt.toISOString(), last.id]
            : sort === "most"
              ? [last.reportCount, last.id]
              : [last.queueRank ?? 2, last.dueAt.toISOString(), last.id],
        )
      : null;
  return {
    rows: page.map(({ queueRank: _r, ...r }) => ({ ...r, ref: Number(r.ref) })),
    nextCursor,
  };
}

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
