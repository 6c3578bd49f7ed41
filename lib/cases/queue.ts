import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/lib/db/connect";
import { cases, staffUsers } from "@/lib/db/schema";
import { filterConditions, OPEN_PREDICATE, searchPattern, type QueueFilter } from "./queue-filter";

export { queueFilterSchema, type QueueFilter } from "./queue-filter";
export { COUNT_CAP, countByStatus, countNoticeRechecks, countOverdue } from "./queue-counts";

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
    !f.due &&
    !f.notice;
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
