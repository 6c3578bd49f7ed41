// What intake keeps besides reports: replay answers and flood counters.
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { reports } from "./cases";

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

export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;
export type RateLimit = typeof rateLimits.$inferSelect;
