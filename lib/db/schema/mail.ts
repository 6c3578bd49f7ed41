// Messages to reporters who asked to be told (lib/mail): written in the same transaction as
// the event that causes them, sent by the worker, never twice on purpose (one row per report
// and kind), retried with backoff while the mail server is down.
import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { MAIL_KINDS } from "@/lib/vocabulary";
import { reports } from "./cases";
import { oneOf } from "./one-of";

export const outbox = pgTable(
  "outbox",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    // The address is not here: the sender decrypts the report's contact when it sends.
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    // Encrypted details only this message needs (the confirmation's receipt), cleared once sent.
    payloadEnc: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    // A code (SMTP reply class, "no_contact"), never an address or a reporter's words.
    lastError: text(),
  },
  (t) => [
    check("outbox_kind_check", oneOf(t.kind, MAIL_KINDS)),
    uniqueIndex("outbox_report_kind_key").on(t.reportId, t.kind),
    index("outbox_due_idx")
      .on(t.nextAttemptAt, t.id)
      .where(sql`sent_at is null`),
  ],
);
