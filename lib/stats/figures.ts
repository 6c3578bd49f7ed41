import "server-only";
import { and, asc, between, eq, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/connect";
import { statsBaselines, statsYearly } from "@/lib/db/schema";
import { METRICS, OUTCOME_HOURS } from "./rollup";

export interface YearFigures {
  year: number;
  statements: {
    denial: number | null;
    truth: number | null;
    total: number | null;
    communique: number | null;
  };
  withdrawn: number | null;
  debunkChange: { absolute: number; percent: number | null } | null;
  violentContentDetected: number | null;
  judicialReferrals: number | null;
  reportsReceived: number | null;
  casesOpened: number | null;
  reportsWithImages: number | null;
  reportsJoinedByImage: number | null;
  /** Reports a published statement already answered when they arrived. */
  reportsAnsweredAtIntake: number | null;
  joinedExistingShare: number | null;
  medianHoursToOutcome: number | null;
  source: "computed" | "imported";
}

/** Metrics an admin may import for a year before the platform. */
export const BASELINE_METRICS = ["debunk_total", ...Object.values(METRICS)] as const;
export type BaselineMetric = (typeof BASELINE_METRICS)[number];

/** Median per year from the delays' histogram (`h:<hours>` → count), like percentile_cont(0.5). */
export function medianByYear(
  rows: { year: number; dimension: string; value: number }[],
): { year: number; median: number }[] {
  const byYear = new Map<number, [number, number][]>();
  for (const r of rows) {
    if (!r.dimension.startsWith("h:")) continue;
    if (!byYear.has(r.year)) byYear.set(r.year, []);
    byYear.get(r.year)!.push([Number(r.dimension.slice(2)), Number(r.value)]);
  }
  return [...byYear].map(([year, hist]) => {
    hist.sort((a, b) => a[0] - b[0]);
    const total = hist.reduce((n, [, c]) => n + c, 0);
    const at = (k: number) => {
      let seen = 0;
      for (const [h, c] of hist) if ((seen += c) > k) return h;
      return hist.at(-1)![0];
    };
    return {
      year,
      median: total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2,
    };
  });
}

const pct = (part: number, whole: number) =>
  whole ? Math.round((1000 * part) / whole) / 10 : null;

/**
 * Figures for each year in [from, to], computed where the platform has data, imported otherwise.
 * With `throughMonth`, each year counts only January to that month (the same period of every
 * year, for a year in progress): from the roll-up's month counters; imported years, which have
 * none, and the delay median, counted per year only, are left empty.
 */
export async function getYearFigures(
  db: Executor,
  from: number,
  to: number,
  throughMonth?: number,
): Promise<YearFigures[]> {
  const first = from - 1; // the year before, for the change of the first one
  const period = throughMonth
    ? Array.from({ length: throughMonth }, (_, i) => `month:${String(i + 1).padStart(2, "0")}`)
    : null;
  const [rows, baselines, histogram] = await Promise.all([
    db
      .select({
        year: statsYearly.year,
        metric: statsYearly.metric,
        value: sql<number>`sum(${statsYearly.value})::bigint`,
      })
      .from(statsYearly)
      .where(
        and(
          between(statsYearly.year, first, to),
          period ? inArray(statsYearly.dimension, period) : eq(statsYearly.dimension, ""),
          ne(statsYearly.metric, OUTCOME_HOURS),
        ),
      )
      .groupBy(statsYearly.year, statsYearly.metric),
    period
      ? []
      : db
          .select({
            year: statsBaselines.year,
            metric: statsBaselines.metric,
            value: statsBaselines.value,
          })
          .from(statsBaselines)
          .where(between(statsBaselines.year, first, to)),
    period
      ? []
      : db
          .select({
            year: statsYearly.year,
            dimension: statsYearly.dimension,
            value: sql<number>`sum(${statsYearly.value})::bigint`,
          })
          .from(statsYearly)
          .where(and(between(statsYearly.year, from, to), eq(statsYearly.metric, OUTCOME_HOURS)))
          .groupBy(statsYearly.year, statsYearly.dimension),
  ]);
  const medians = medianByYear(histogram);
  const computed = new Map<number, Map<string, number>>();
  for (const r of rows) {
    if (!computed.has(r.year)) computed.set(r.year, new Map());
    computed.get(r.year)!.set(r.metric, Number(r.value));
  }
  const imported = new Map<number, Map<string, number>>();
  for (const b of baselines) {
    if (!imported.has(b.year)) imported.set(b.year, new Map());
    imported.get(b.year)!.set(b.metric, Number(b.value));
  }

  const figures = new Map<number, YearFigures>();
  for (let year = first; year <= to; year++) {
    const c = computed.get(year);
    const i = imported.get(year);
    // A year with platform data always shows computed figures; nobody can type over them.
    const source = c ? "computed" : i ? "imported" : "computed";
    const m = c ?? i ?? new Map<string, number>();
    const get = (k: string) => (m.has(k) ? m.get(k)! : source === "computed" ? 0 : null);
    const denial = get(METRICS.denial);
    const truth = get(METRICS.truth);
    const total =
      source === "imported" && m.has("debunk_total")
        ? m.get("debunk_total")!
        : denial === null && truth === null
          ? null
          : (denial ?? 0) + (truth ?? 0);
    const reports = get(METRICS.reports);
    const joined = get(METRICS.reportsJoined);
    figures.set(year, {
      year,
      statements: { denial, truth, total, communique: get(METRICS.communique) },
      withdrawn: get(METRICS.withdrawn),
      debunkChange: null,
      violentContentDetected: get(METRICS.violentDetected),
      judicialReferrals: get(METRICS.referred),
      reportsReceived: reports,
      casesOpened: get(METRICS.casesOpened),
      reportsWithImages: get(METRICS.withImages),
      reportsJoinedByImage: get(METRICS.joinedByImage),
      reportsAnsweredAtIntake: get(METRICS.answeredAtIntake),
      joinedExistingShare: reports && joined !== null ? pct(joined, reports) : null,
      medianHoursToOutcome:
        source === "computed" ? (medians.find((x) => x.year === year)?.median ?? null) : null,
      source,
    });
  }
  for (let year = from; year <= to; year++) {
    const cur = figures.get(year)!.statements.total;
    const prev = figures.get(year - 1)!.statements.total;
    if (cur !== null && prev !== null)
      figures.get(year)!.debunkChange = {
        absolute: cur - prev,
        percent: prev ? Math.round((1000 * (cur - prev)) / prev) / 10 : null,
      };
  }
  return [...figures.values()]
    .filter((f) => f.year >= from)
    .map((f) =>
      f.medianHoursToOutcome === null
        ? f
        : { ...f, medianHoursToOutcome: Math.round(f.medianHoursToOutcome * 10) / 10 },
    );
}

/** Monthly series and breakdowns of one year, for charts and tables. */
export async function getYearDetail(db: Executor, year: number) {
  const rows = await db
    .select({
      metric: statsYearly.metric,
      dimension: statsYearly.dimension,
      value: sql<number>`sum(${statsYearly.value})::bigint`,
    })
    .from(statsYearly)
    .where(and(eq(statsYearly.year, year), sql`${statsYearly.dimension} <> ''`))
    .groupBy(statsYearly.metric, statsYearly.dimension)
    .orderBy(asc(statsYearly.metric), asc(statsYearly.dimension));
  const months = (metric: string) =>
    Array.from({ length: 12 }, (_, i) =>
      Number(
        rows.find(
          (r) => r.metric === metric && r.dimension === `month:${String(i + 1).padStart(2, "0")}`,
        )?.value ?? 0,
      ),
    );
  const breakdown = (metric: string, prefix: string) =>
    rows
      .filter((r) => r.metric === metric && r.dimension.startsWith(`${prefix}:`))
      .map((r) => ({ key: r.dimension.slice(prefix.length + 1), value: Number(r.value) }))
      .sort((a, b) => b.value - a.value);
  const denial = months(METRICS.denial);
  const truth = months(METRICS.truth);
  return {
    months: {
      debunk: denial.map((d, i) => d + truth[i]),
      violent: months(METRICS.violentDetected),
      reports: months(METRICS.reports),
    },
    reportsBy: {
      kind: breakdown(METRICS.reports, "kind"),
      category: breakdown(METRICS.reports, "category"),
      platform: breakdown(METRICS.reports, "platform"),
      locale: breakdown(METRICS.reports, "locale"),
    },
    violentByCategory: breakdown(METRICS.violentDetected, "category"),
  };
}

/** The first and last years that have any figure, computed or imported. */
export async function yearRange(db: Executor): Promise<{ from: number; to: number } | null> {
  const [r] = await db
    .select({
      min: sql<number | null>`min(${statsYearly.year})`,
      max: sql<number | null>`max(${statsYearly.year})`,
    })
    .from(statsYearly);
  const [b] = await db
    .select({
      min: sql<number | null>`min(${statsBaselines.year})`,
      max: sql<number | null>`max(${statsBaselines.year})`,
    })
    .from(statsBaselines);
  const mins = [r.min, b.min].filter((x): x is number => x !== null).map(Number);
  const maxs = [r.max, b.max].filter((x): x is number => x !== null).map(Number);
  return mins.length ? { from: Math.min(...mins), to: Math.max(...maxs) } : null;
}
