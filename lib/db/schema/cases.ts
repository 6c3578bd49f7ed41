// Reports and the cases they form: the two reference each other, so they share a file.
// SQL names are snake_case (drizzle `casing: "snake_case"` in lib/db/connect.ts and drizzle.config.ts).
import { sql } from "drizzle-orm";
import {
  boolean,
  bigint,
  bigserial,
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
import { CASE_STATUSES, KINDS, LOCALES, OPEN_STATUSES, PRIORITIES } from "@/lib/vocabulary";
import { columnOneOf, oneOf } from "./one-of";
import { staffUsers } from "./people";
import { statements } from "./statements";

// The queue's order: the highest priority first (0), the lowest last.
const queueRankSql = () => {
  const highestFirst = [...PRIORITIES].reverse();
  const whens = highestFirst.slice(0, -1).map((p, i) => `when '${p}' then ${i}`);
  return sql.raw(`case priority ${whens.join(" ")} else ${highestFirst.length - 1} end`);
};

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
    // The published statement that already answered this report when it arrived (its content
    // matched a closed case that has one): what the receipt said at once.
    answeredBy: uuid().references((): AnyPgColumn => statements.id),
    // The reporter ticked "tell me the outcome" (with an e-mail address): lib/mail.
    notify: boolean().notNull().default(false),
  },
  (t) => [
    check("reports_kind_check", oneOf(t.kind, KINDS)),
    check("reports_locale_check", oneOf(t.locale, LOCALES)),
    uniqueIndex("reports_receipt_hash_key").on(t.receiptHash),
    index("reports_submitted_at_idx").on(t.submittedAt),
    index("reports_case_id_idx").on(t.caseId, t.submittedAt),
    // The few reports with contact details, for their deletion after the case closes.
    index("reports_contact_case_idx")
      .on(t.caseId)
      .where(sql`contact_enc is not null`),
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
    queueRank: smallint().generatedAlwaysAs(queueRankSql()),
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
    // The desk's deadlines (issue 20): the first staff event on the case (iblagh_first_action),
    // the time the next step is due (iblagh_case_due, from case_deadlines: to a first action,
    // then to a decision) and the last escalation of an overdue case (lib/cases/deadlines.ts).
    firstActionAt: timestamp({ withTimezone: true }),
    dueAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    escalatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check("cases_kind_check", oneOf(t.kind, KINDS)),
    check("cases_priority_check", oneOf(t.priority, PRIORITIES)),
    check("cases_status_check", oneOf(t.status, CASE_STATUSES)),
    uniqueIndex("cases_ref_key").on(t.ref),
    // The queue's orders and their keyset pagination, for open cases (the default view), for
    // one status, and for all cases.
    // Within a priority the soonest due first, so overdue cases lead their priority. The
    // summary's text rides along (a summary is at most 280 characters: lib/cases/matching/
    // summary.ts): the queue's search first reads the next open cases in this order without
    // touching the table (lib/cases/queue.ts).
    index("cases_open_queue_idx")
      .on(t.queueRank, t.dueAt, t.id, t.searchText)
      .where(columnOneOf("status", OPEN_STATUSES)),
    index("cases_open_latest_idx")
      .on(t.latestReportAt.desc(), t.id.desc())
      .where(columnOneOf("status", OPEN_STATUSES)),
    index("cases_open_most_idx")
      .on(t.reportCount.desc(), t.id.desc())
      .where(columnOneOf("status", OPEN_STATUSES)),
    index("cases_status_queue_idx").on(t.status, t.queueRank, t.dueAt, t.id),
    index("cases_queue_idx").on(t.queueRank, t.dueAt, t.id),
    // The overdue view, its count and the escalation sweep.
    index("cases_open_due_idx").on(t.dueAt).where(columnOneOf("status", OPEN_STATUSES)),
    // The figures' time to first action and to decision, per year of the event.
    index("cases_first_action_idx")
      .on(t.firstActionAt)
      .where(sql`first_action_at is not null`),
    index("cases_closed_at_idx")
      .on(t.closedAt)
      .where(sql`closed_at is not null`),
    index("cases_latest_idx").on(t.latestReportAt.desc(), t.id.desc()),
    index("cases_assignee_idx").on(t.assigneeId, t.status),
    // Queue text search (`like '%…%'` on normalised text) served by trigrams, not a scan.
    index("cases_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    // The default (open) queue's search reads only open cases' trigrams: a few thousand, not
    // every case ever opened; a flood of new cases no longer slows it (BENCHMARKS.md).
    index("cases_open_search_trgm_idx")
      .using("gin", sql`${t.searchText} gin_trgm_ops`)
      .where(columnOneOf("status", OPEN_STATUSES)),
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
// already holding its exact text stores none: that report carries them (iblagh_store_reports,
// lib/cases/matching/carriers.ts). A lookup reads the newest
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

export type Report = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;
export type ReportLink = typeof reportLinks.$inferSelect;
export type NewReportLink = typeof reportLinks.$inferInsert;
export type Case = typeof cases.$inferSelect;
export type NewCase = typeof cases.$inferInsert;
export type CaseEvent = typeof caseEvents.$inferSelect;

// Who is handling a case right now (issue 20): one row per held case, a time rather than a
// process's memory, so a hold lapses CASE_HOLD_MINUTES after its holder's last action on the
// case whatever restarts in between (lib/cases/commands/hold.ts).
export const caseHolds = pgTable("case_holds", {
  caseId: uuid()
    .primaryKey()
    .references(() => cases.id, { onDelete: "cascade" }),
  holderId: uuid()
    .notNull()
    .references(() => staffUsers.id),
  since: timestamp({ withTimezone: true }).notNull(),
  touchedAt: timestamp({ withTimezone: true }).notNull(),
});
