// The moderators' desk (issue 20): deadlines per kind and priority, takedown notices sent to
// platforms and the canned texts admins keep. Holds live beside the cases (./cases.ts).
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { KINDS, LOCALES, NOTICE_STATUSES, PRIORITIES, TEMPLATE_PURPOSES } from "@/lib/vocabulary";
import { cases } from "./cases";
import { oneOf } from "./one-of";
import { staffUsers } from "./people";

// How long a case may wait, by kind and priority: to its first staff action, then (from the
// first report) to a decision. Seeded with defaults by the migration, edited by admins.
export const caseDeadlines = pgTable(
  "case_deadlines",
  {
    kind: text().notNull(),
    priority: text().notNull(),
    firstActionMinutes: integer().notNull(),
    decisionMinutes: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.priority] }),
    check("case_deadlines_kind_check", oneOf(t.kind, KINDS)),
    check("case_deadlines_priority_check", oneOf(t.priority, PRIORITIES)),
    check(
      "case_deadlines_minutes_check",
      sql`${t.firstActionMinutes} > 0 and ${t.decisionMinutes} >= ${t.firstActionMinutes}`,
    ),
  ],
);

// A request to a platform to take one reported link down (DSA Art. 16 notice), and what came
// of it. One per case and link: a refused notice is answered by a new case, not a second row.
export const takedownNotices = pgTable(
  "takedown_notices",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    url: text().notNull(),
    canonicalUrl: text().notNull(),
    platform: text().notNull(),
    // The notice's language, chosen for the platform.
    locale: text().notNull(),
    reasons: text().notNull(),
    body: text().notNull(),
    status: text().notNull().default("prepared"),
    createdBy: uuid()
      .notNull()
      .references(() => staffUsers.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    sentTo: text(),
    reference: text(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    // When someone should look whether the content is still online.
    recheckAt: timestamp({ withTimezone: true }),
    checkedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check("takedown_notices_status_check", oneOf(t.status, NOTICE_STATUSES)),
    check("takedown_notices_locale_check", oneOf(t.locale, LOCALES)),
    uniqueIndex("takedown_notices_case_url_key").on(t.caseId, t.canonicalUrl),
    // The queue's "notices to re-check" view and its count.
    index("takedown_notices_recheck_idx")
      .on(t.recheckAt)
      .where(sql`recheck_at is not null`),
    // Time to removal per platform and year.
    index("takedown_notices_resolved_idx")
      .on(t.resolvedAt)
      .where(sql`status = 'removed'`),
  ],
);

// Canned text an admin may rewrite: a notice's template and a case's closing note, per kind of
// case and language. Without a row, the message files' default is used.
export const deskTemplates = pgTable(
  "desk_templates",
  {
    purpose: text().notNull(),
    kind: text().notNull(),
    locale: text().notNull(),
    body: text().notNull(),
    updatedBy: uuid().references(() => staffUsers.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.purpose, t.kind, t.locale] }),
    check("desk_templates_purpose_check", oneOf(t.purpose, TEMPLATE_PURPOSES)),
    check("desk_templates_kind_check", oneOf(t.kind, KINDS)),
    check("desk_templates_locale_check", oneOf(t.locale, LOCALES)),
  ],
);

export type TakedownNotice = typeof takedownNotices.$inferSelect;
