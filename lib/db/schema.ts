import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

// SQL names are snake_case (drizzle `casing: "snake_case"` in lib/db/connect.ts and drizzle.config.ts).

export const reports = pgTable(
  "reports",
  {
    id: uuid().primaryKey().defaultRandom(),
    // SHA-256 of the receipt; the receipt itself is shown once and never stored.
    receiptHash: text().notNull(),
    kind: text().notNull(),
    category: text().notNull(),
    platform: text().notNull(),
    description: text().notNull(),
    // Normalised copy for matching and search (lib/text/normalize.ts).
    descriptionNorm: text().notNull(),
    seenAt: timestamp({ withTimezone: true }),
    // AES-256-GCM ciphertext of {email, phone}; null when the report is anonymous.
    contactEnc: text(),
    locale: text().notNull(),
    // Every report belongs to exactly one case; its public status is the case's.
    caseId: uuid()
      .notNull()
      .references((): AnyPgColumn => cases.id),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("reports_kind_check", sql`${t.kind} in ('rumor', 'violent_content')`),
    check("reports_locale_check", sql`${t.locale} in ('ar', 'fr', 'en')`),
    uniqueIndex("reports_receipt_hash_key").on(t.receiptHash),
    index("reports_submitted_at_idx").on(t.submittedAt),
    index("reports_case_id_idx").on(t.caseId, t.submittedAt),
  ],
);

export const reportLinks = pgTable(
  "report_links",
  {
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    position: smallint().notNull(),
    url: text().notNull(),
    canonicalUrl: text().notNull(),
    platform: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.position] }),
    index("report_links_canonical_url_idx").on(t.canonicalUrl),
  ],
);

// Replays of POST /api/v1/reports with one Idempotency-Key return the first answer.
export const idempotencyKeys = pgTable("idempotency_keys", {
  keyHash: text().primaryKey(),
  requestHash: text().notNull(),
  reportId: uuid().references(() => reports.id, { onDelete: "cascade" }),
  // The first response (it holds the receipt), encrypted, kept only for the replay window.
  responseEnc: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// Fixed-window counters, in Postgres so that any number of app instances share them.
export const rateLimits = pgTable(
  "rate_limits",
  {
    bucket: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    hits: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.bucket, t.windowStart] }),
    index("rate_limits_window_start_idx").on(t.windowStart),
  ],
);

export type Report = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;
export type ReportLink = typeof reportLinks.$inferSelect;
export type NewReportLink = typeof reportLinks.$inferInsert;
export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;
export type RateLimit = typeof rateLimits.$inferSelect;

export const staffUsers = pgTable(
  "staff_users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull().default(""),
    passwordHash: text().notNull(),
    roles: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    disabledAt: timestamp({ withTimezone: true }),
    totpSecretEnc: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    // The last TOTP time step accepted: a code is good once, never replayed within its window.
    totpLastStep: bigint({ mode: "number" }),
    // Sessions carry the epoch they were issued under; bumping it ends every one of them.
    sessionEpoch: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("staff_users_email_key").on(t.email)],
);

// Failed and successful sign-ins, counted per account and per client for throttling.
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    emailHash: text().notNull(),
    clientHash: text().notNull(),
    succeeded: boolean().notNull(),
    // The signed device cookie's id when the browser had signed in to this account before
    // (OWASP device cookies): its failures throttle that device only. Null: an untrusted client.
    device: text(),
    // A refused attempt, counted (not audited one by one) and never counted as a failure.
    throttled: boolean().notNull().default(false),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.emailHash, t.at),
    index("sign_in_attempts_client_idx").on(t.clientHash, t.at),
  ],
);

export const cases = pgTable(
  "cases",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Short number staff say aloud ("case 1042").
    ref: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    kind: text().notNull(),
    category: text().notNull(),
    summary: text().notNull(),
    status: text().notNull().default("new"),
    priority: text().notNull().default("normal"),
    // Queue order for priority, most urgent first (0), kept by the database so it cannot drift
    // from `priority`; ascending like the other sort keys so keyset pagination is one row comparison.
    queueRank: smallint().generatedAlwaysAs(
      sql`case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`,
    ),
    platforms: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    assigneeId: uuid().references(() => staffUsers.id),
    mergedIntoId: uuid().references((): AnyPgColumn => cases.id),
    reportCount: integer().notNull().default(0),
    firstReportAt: timestamp({ withTimezone: true }).notNull(),
    latestReportAt: timestamp({ withTimezone: true }).notNull(),
    statusChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
    // When a violent content reached technical expertise: the date that makes it "detected".
    expertiseAt: timestamp({ withTimezone: true }),
    referralDate: date(),
    referralUnit: text(),
    referralReference: text(),
    // Normalised summary, for the queue's text search.
    searchText: text().notNull().default(""),
  },
  (t) => [
    check("cases_kind_check", sql`${t.kind} in ('rumor', 'violent_content')`),
    check("cases_priority_check", sql`${t.priority} in ('low', 'normal', 'high', 'urgent')`),
    check(
      "cases_status_check",
      sql`${t.status} in ('new', 'triage', 'verifying', 'expertise', 'debunked', 'confirmed', 'no_action', 'referred', 'duplicate')`,
    ),
    uniqueIndex("cases_ref_key").on(t.ref),
    // The queue's orders and their keyset pagination, for open cases (the default view), for
    // one status, and for all cases.
    index("cases_open_queue_idx")
      .on(t.queueRank, t.firstReportAt, t.id)
      .where(sql`status in ('new', 'triage', 'verifying', 'expertise')`),
    index("cases_open_latest_idx")
      .on(t.latestReportAt.desc(), t.id.desc())
      .where(sql`status in ('new', 'triage', 'verifying', 'expertise')`),
    index("cases_open_most_idx")
      .on(t.reportCount.desc(), t.id.desc())
      .where(sql`status in ('new', 'triage', 'verifying', 'expertise')`),
    index("cases_status_queue_idx").on(t.status, t.queueRank, t.firstReportAt, t.id),
    index("cases_queue_idx").on(t.queueRank, t.firstReportAt, t.id),
    index("cases_latest_idx").on(t.latestReportAt.desc(), t.id.desc()),
    index("cases_assignee_idx").on(t.assigneeId, t.status),
    // Queue text search (`like '%…%'` on normalised text) served by trigrams, not a scan.
    index("cases_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

// The links of a case, for matching new reports by equality on the canonical form.
export const caseLinks = pgTable(
  "case_links",
  {
    canonicalUrl: text().notNull(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.canonicalUrl, t.caseId] }),
    index("case_links_case_idx").on(t.caseId),
  ],
);

// MinHash band keys of link-less reports' texts (lib/text/minhash.ts): candidate duplicates
// are found by equality on a few keys, never by scanning descriptions. A copy that joins a case
// already holding its exact text stores none: that report carries them (drizzle/0012,
// lib/cases/carriers.ts). A lookup reads the newest
// rows of each key (`seq`, in insertion order): a rumour that comes back after thousands of
// closed copies must find its new, open case among them (report ids are random).
export const reportTextBands = pgTable(
  "report_text_bands",
  {
    bandKey: bigint({ mode: "bigint" }).notNull(),
    seq: bigserial({ mode: "number" }).notNull(),
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.bandKey, t.seq] }),
    index("report_text_bands_report_idx").on(t.reportId),
  ],
);

// The case's timeline: every transition, assignment, merge, note, with who and when.
export const caseEvents = pgTable(
  "case_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid().references(() => staffUsers.id),
    type: text().notNull(),
    fromStatus: text(),
    toStatus: text(),
    note: text(),
    data: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.at)],
);

// Append-only; each row's hash covers the previous row's (lib/audit/chain.ts).
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid(),
    actorEmail: text(),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_actor_idx").on(t.actorId, t.at),
    index("audit_events_action_idx").on(t.action, t.at),
  ],
);

// The chain's latest link, one row, moved forward with every append (lib/audit/log.ts): the
// next event links to it, so removing events from the end breaks the chain at the next one.
export const auditHead = pgTable(
  "audit_head",
  {
    singleton: boolean().primaryKey().default(true),
    lastId: bigint({ mode: "number" }).notNull(),
    lastHash: text().notNull(),
  },
  (t) => [check("audit_head_singleton", sql`${t.singleton}`)],
);

export type StaffUser = typeof staffUsers.$inferSelect;
export type NewStaffUser = typeof staffUsers.$inferInsert;
export type Case = typeof cases.$inferSelect;
export type NewCase = typeof cases.$inferInsert;
export type CaseEvent = typeof caseEvents.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;

export interface StatementLocaleContent {
  title: string;
  summary: string;
  body: string;
  claimReviewed: string;
  verdict: string;
}
export type StatementContent = {
  ar: StatementLocaleContent;
  fr?: StatementLocaleContent;
  en?: StatementLocaleContent;
};
export interface Appearance {
  url: string;
  platform: string;
}

export const statements = pgTable(
  "statements",
  {
    id: uuid().primaryKey().defaultRandom(),
    ref: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    type: text().notNull(),
    // Given at first publication: `{year}-{ref}`, the same in every language.
    slug: text(),
    status: text().notNull().default("draft"),
    // The working copy; what the public reads is the latest row of statement_versions.
    content: jsonb().$type<StatementContent>().notNull(),
    appearances: jsonb().$type<Appearance[]>().notNull().default([]),
    authorId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    // Everyone who changed the working copy since the last publication: none of them may approve it.
    pendingEditors: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    // For a published statement: null, or an amendment being drafted / in review.
    amendment: text(),
    changeNote: text(),
    version: integer().notNull().default(0),
    publishedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }),
    withdrawnAt: timestamp({ withTimezone: true }),
    withdrawalReason: text(),
    searchText: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("statements_type_check", sql`${t.type} in ('denial', 'truth', 'communique')`),
    check(
      "statements_status_check",
      sql`${t.status} in ('draft', 'in_review', 'published', 'withdrawn')`,
    ),
    check(
      "statements_amendment_check",
      sql`${t.amendment} is null or ${t.amendment} in ('draft', 'in_review')`,
    ),
    uniqueIndex("statements_slug_key").on(t.slug),
    uniqueIndex("statements_ref_key").on(t.ref),
    // At most one live statement of each type per case.
    uniqueIndex("statements_case_type_live_key")
      .on(t.caseId, t.type)
      .where(sql`status <> 'withdrawn'`),
    index("statements_public_idx").on(t.status, t.publishedAt.desc(), t.id),
    index("statements_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const statementVersions = pgTable(
  "statement_versions",
  {
    statementId: uuid()
      .notNull()
      .references(() => statements.id),
    version: integer().notNull(),
    content: jsonb().$type<StatementContent>().notNull(),
    appearances: jsonb().$type<Appearance[]>().notNull(),
    changeNote: text(),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
    approvedBy: uuid()
      .notNull()
      .references(() => staffUsers.id),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.version] })],
);

export type Statement = typeof statements.$inferSelect;
export type StatementVersion = typeof statementVersions.$inferSelect;

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
