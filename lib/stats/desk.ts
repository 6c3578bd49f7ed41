import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/connect";
import { env } from "@/lib/env";

// The desk's delays, in hours, per year of the event (in STATS_TIMEZONE): the median and the
// 90th percentile, like the outcome delay. Read from the cases and notices themselves (partial
// indexes on the event's time), not from counters: the few thousand events of a year sort fast.

export interface Delay {
  year: number;
  /** A case kind, or a platform for time to removal. */
  key: string;
  count: number;
  median: number;
  p90: number;
}

export interface DeskDelays {
  firstAction: Delay[];
  decision: Delay[];
  removal: Delay[];
}

const round = (h: unknown) => Math.round(Number(h) * 10) / 10;

async function delays(
  db: Executor,
  q: { at: string; since: string; key: string; from: string; where: string },
  years: [number, number],
  tz: string,
): Promise<Delay[]> {
  const start = sql`(make_date(${years[0]}, 1, 1)::timestamp at time zone ${tz})`;
  const end = sql`(make_date(${years[1] + 1}, 1, 1)::timestamp at time zone ${tz})`;
  const hours = sql.raw(`extract(epoch from ${q.at} - ${q.since}) / 3600`);
  const { rows } = await db.execute(sql`
    select extract(year from ${sql.raw(q.at)} at time zone ${tz})::int as year,
      ${sql.raw(q.key)} as key, count(*)::int as n,
      percentile_cont(0.5) within group (order by ${hours}) as median,
      percentile_cont(0.9) within group (order by ${hours}) as p90
    from ${sql.raw(q.from)}
    where ${sql.raw(q.at)} >= ${start} and ${sql.raw(q.at)} < ${end} and ${sql.raw(q.where)}
    group by 1, 2 order by 1, 2`);
  return (rows as Record<string, unknown>[]).map((r) => ({
    year: Number(r.year),
    key: String(r.key),
    count: Number(r.n),
    median: round(r.median),
    p90: round(r.p90),
  }));
}

/**
 * Time to first action and to decision per year and kind (a case merged into another is not
 * decided on its own content: left out), and time from a notice sent to the content removed
 * per year and platform.
 */
export async function getDeskDelays(
  db: Executor,
  from: number,
  to: number,
  tz = env.STATS_TIMEZONE,
): Promise<DeskDelays> {
  const years: [number, number] = [from, to];
  const [firstAction, decision, removal] = await Promise.all([
    delays(
      db,
      {
        at: "first_action_at",
        since: "first_report_at",
        key: "kind",
        from: "cases",
        where: "first_action_at is not null",
      },
      years,
      tz,
    ),
    delays(
      db,
      {
        at: "closed_at",
        since: "first_report_at",
        key: "kind",
        from: "cases",
        where: "closed_at is not null and status <> 'duplicate'",
      },
      years,
      tz,
    ),
    delays(
      db,
      {
        at: "resolved_at",
        since: "sent_at",
        key: "platform",
        from: "takedown_notices",
        where: "status = 'removed' and sent_at is not null",
      },
      years,
      tz,
    ),
  ]);
  return { firstAction, decision, removal };
}
