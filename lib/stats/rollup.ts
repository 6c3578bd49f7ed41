import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/connect";
import { caseOutcomes } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { yearMonthIn } from "./calendar";

export const METRICS = {
  reports: "reports",
  reportsJoined: "reports_joined",
  casesOpened: "cases_opened",
  denial: "statements_denial",
  truth: "statements_truth",
  communique: "statements_communique",
  withdrawn: "statements_withdrawn",
  violentDetected: "violent_detected",
  referred: "judicial_referrals",
  withImages: "reports_with_images",
  joinedByImage: "reports_joined_by_image",
  answeredAtIntake: "reports_answered_at_intake",
} as const;
export type Metric = (typeof METRICS)[keyof typeof METRICS];
export const OUTCOME_HOURS = "outcome_hours";

export const SHARDS = 8;

export interface Bump {
  at: Date;
  metric: Metric;
  breakdowns?: string[];
  by?: number;
}

/**
 * Adds to metrics for the year of each event: the year total, the month, and any breakdowns.
 * Called inside the transaction of the event itself, so figures and data never disagree; one
 * statement for all the counters, on one random shard, in a fixed row order (no deadlocks).
 * Several events may be given (a batch of reports): counters they share are summed.
 */
export async function bump(tx: Executor, ...events: Bump[]): Promise<void> {
  const shard = Math.floor(Math.random() * SHARDS);
  const rows = new Map<
    string,
    { year: number; metric: Metric; dimension: string; shard: number; value: number }
  >();
  for (const e of events) {
    const { year, dimensions } = counterRows(e);
    for (const dimension of dimensions) {
      const key = `${year}\n${e.metric}\n${dimension}`;
      const prior = rows.get(key);
      if (prior) prior.value += e.by ?? 1;
      else rows.set(key, { year, metric: e.metric, dimension, shard, value: e.by ?? 1 });
    }
  }
  await bumpRows(tx, [...rows.values()], shard);
}

/** The one writer of the running counts: iblagh_bump_counters (drizzle/functions). */
async function bumpRows(
  tx: Executor,
  rows: { year: number; metric: string; dimension: string; value: number }[],
  shard: number,
) {
  // Array literals: every element quoted, with its quotes and backslashes escaped.
  const list = (xs: (string | number)[]) =>
    `{${xs.map((x) => `"${String(x).replace(/[\\"]/g, "\\$&")}"`).join(",")}}`;
  await tx.execute(sql`select iblagh_bump_counters(
    ${list(rows.map((r) => r.year))}::int[], ${list(rows.map((r) => r.metric))}::text[],
    ${list(rows.map((r) => r.dimension))}::text[], ${list(rows.map((r) => r.value))}::bigint[],
    ${shard}::smallint)`);
}

/** The counters one event adds to: its year, and there the total, its month and its breakdowns. */
export function counterRows(e: Bump): { year: number; dimensions: string[] } {
  const { year, month } = yearMonthIn(e.at, env.STATS_TIMEZONE);
  return {
    year,
    dimensions: ["", `month:${String(month).padStart(2, "0")}`, ...(e.breakdowns ?? [])],
  };
}

/** A case's first outcome of a kind (statement, referral): kept for the year's median delay. */
export async function recordOutcome(
  tx: Executor,
  caseId: string,
  kind: "statement" | "referral",
  firstReportAt: Date,
  at: Date,
): Promise<void> {
  const { year } = yearMonthIn(at, env.STATS_TIMEZONE);
  const hours = Math.max(0, Math.round((at.getTime() - firstReportAt.getTime()) / 3600_000));
  const inserted = await tx
    .insert(caseOutcomes)
    .values({ caseId, kind, year, hours, at })
    .onConflictDoNothing()
    .returning({ caseId: caseOutcomes.caseId });
  // The delays' histogram, one row per hour value: the year's median is read from a few
  // hundred rows instead of sorting every outcome.
  if (inserted.length > 0) {
    await bumpRows(tx, [{ year, metric: OUTCOME_HOURS, dimension: `h:${hours}`, value: 1 }], 0);
  }
}
