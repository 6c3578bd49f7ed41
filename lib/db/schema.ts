import { sql } from "drizzle-orm";
import { check, index, integer, uniqueIndex, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";

// SQL names are snake_case (drizzle `casing: "snake_case"` in lib/db/client.ts and drizzle.config.ts).

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
    // Public status until case workflow exists: received | in_review | closed.
    status: text().notNull().default("received"),
    outcome: text(),
    statusChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("reports_kind_check", sql`${t.kind} in ('rumor', 'violent_content')`),
    check("reports_status_check", sql`${t.status} in ('received', 'in_review', 'closed')`),
    check("reports_locale_check", sql`${t.locale} in ('ar', 'fr', 'en')`),
    uniqueIndex("reports_receipt_hash_key").on(t.receiptHash),
    index("reports_submitted_at_idx").on(t.submittedAt),
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
  (t) => [primaryKey({ columns: [t.reportId, t.position] }), index("report_links_canonical_url_idx").on(t.canonicalUrl)],
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
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] }), index("rate_limits_window_start_idx").on(t.windowStart)],
);

export type Report = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;
export type ReportLink = typeof reportLinks.$inferSelect;
export type NewReportLink = typeof reportLinks.$inferInsert;
export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;
export type RateLimit = typeof rateLimits.$inferSelect;
