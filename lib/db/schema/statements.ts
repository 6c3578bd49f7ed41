// Published verification statements and their versions.
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { AMENDMENT_STATUSES, STATEMENT_STATUSES, STATEMENT_TYPES } from "@/lib/vocabulary";
import { oneOf } from "./one-of";
import { staffUsers } from "./people";
import { cases } from "./cases";

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
    check("statements_type_check", oneOf(t.type, STATEMENT_TYPES)),
    check("statements_status_check", oneOf(t.status, STATEMENT_STATUSES)),
    check(
      "statements_amendment_check",
      sql`${t.amendment} is null or ${oneOf(t.amendment, AMENDMENT_STATUSES)}`,
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
