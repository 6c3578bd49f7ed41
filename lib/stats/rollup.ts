import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/connect";
import { caseOutcomes, statsYearly } from "@/lib/db/schema";
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
} as const;
export type Metric = (typeof METRICS)[keyof typeof METRICS];
export const OUTCOME_HOURS = "outcome_hours";

/**
 * Adds `by` to a metric for the year of `at`: its year total, its month, and any breakdowns
 * given. Called inside the transaction of the event itself, so figures and data never disagree.
 */
export async function bump(tx: Executor, at: Date, metric: Metric, breakdowns: string[] = [], by = 1): Promise<void> {
  const { year, month } = yearMonthIn(at, env.STATS_TIMEZONE);
  const dims = ["", `month:${String(month).padStart(2, "0")}`, ...breakdowns];
  await tx
    .insert(statsYearly)
    .values(dims.map((dimension) => ({ year, metric, dimension, value: by })))
    .onConflictDoUpdate({ target: [statsYearly.year, statsYearly.metric, statsYearly.dimension], set: { value: sql`${statsYearly.value} + excluded.value` } });
}

/** A case's first outcome of a kind (statement, referral): kept for the year's median delay. */
export async function recordOutcome(tx: Executor, caseId: string, kind: "statement" | "referral", firstReportAt: Date, at: Date): Promise<void> {
  const { year } = yearMonthIn(at, env.STATS_TIMEZONE);
  const hours = Math.max(0, Math.round((at.getTime() - firstReportAt.getTime()) / 3600_000));
  const inserted = await tx.insert(caseOutcomes).values({ caseId, kind, year, hours, at }).onConflictDoNothing().returning({ caseId: caseOutcomes.caseId });
  // The delays' histogram, one row per hour value: the year's median is read from a few
  // hundred rows instead of sorting every outcome.
  if (inserted.length > 0) {
    await tx
      .insert(statsYearly)
      .values({ year, metric: OUTCOME_HOURS, dimension: `h:${hours}`, value: 1 })
      .onConflictDoUpdate({ target: [statsYearly.year, statsYearly.metric, statsYearly.dimension], set: { value: sql`${statsYearly.value} + 1` } });
  }
}
