// The yearly figures' counters, outcomes and baselines.
import {
  bigint,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { staffUsers } from "./people";
import { cases } from "./cases";

// Yearly figures kept up to date in the same transaction as the events that change them, so
// that reading a year is a handful of primary-key rows whatever the number of reports.
// `dimension` is '' for the year's total, `month:MM`, or `kind:…`, `category:…`, `platform:…`, `locale:…`.
export const statsYearly = pgTable(
  "stats_yearly",
  {
    year: smallint().notNull(),
    metric: text().notNull(),
    dimension: text().notNull().default(""),
    // Hot counters (this year's report total) are split over a few rows, so that concurrent
    // intakes do not queue on one row lock; readers sum the shards.
    shard: smallint().notNull().default(0),
    value: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.year, t.metric, t.dimension, t.shard] })],
);

// One row per case outcome (statement or referral): the median time to outcome of a year is a
// percentile over that year's outcomes, hundreds of rows, not millions of reports.
export const caseOutcomes = pgTable(
  "case_outcomes",
  {
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    kind: text().notNull(),
    year: smallint().notNull(),
    hours: integer().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.kind] }), index("case_outcomes_year_idx").on(t.year)],
);

// Figures for years before the platform, typed in by an admin with their source.
export const statsBaselines = pgTable(
  "stats_baselines",
  {
    year: smallint().notNull(),
    metric: text().notNull(),
    value: bigint({ mode: "number" }).notNull(),
    source: text().notNull(),
    note: text(),
    createdBy: uuid().references(() => staffUsers.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.year, t.metric] })],
);
