// Staff accounts, their sign-ins and the audit trail: who did what.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

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
    // Pictures of rumour cases shown without the blur (violent content always starts blurred).
    unblurRumorImages: boolean().notNull().default(false),
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
export type AuditEvent = typeof auditEvents.$inferSelect;
