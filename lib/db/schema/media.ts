// Evidence a report carries (pictures today; the same tables take other kinds later): stored
// once by the SHA-256 of its normalised bytes, linked to each report that sent it.

import {
  bit,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { MEDIA_KINDS } from "@/lib/vocabulary";
import { reports } from "./cases";
import { oneOf } from "./one-of";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

// Only normalised bytes (lib/image/normalize.ts): re-encoded, upright, without metadata.
export const media = pgTable(
  "media",
  {
    sha256: text().primaryKey(),
    kind: text().notNull(),
    mime: text().notNull(),
    bytes: bytea().notNull(),
    thumb: bytea(),
    width: integer(),
    height: integer(),
    size: integer().notNull(),
    // PDQ (lib/image/pdq.ts) and its quality; matched through media_hash_chunks.
    pdq: bit({ dimensions: 256 }),
    pdqQuality: smallint(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("media_kind_check", oneOf(t.kind, MEDIA_KINDS))],
);

export const reportMedia = pgTable(
  "report_media",
  {
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    position: smallint().notNull(),
    sha256: text()
      .notNull()
      .references(() => media.sha256, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.position] }),
    index("report_media_sha256_idx").on(t.sha256),
  ],
);

// Multi-index hashing: a PDQ hash cut into 16 chunks of 16 bits. Two hashes within 31 bits
// share at least one chunk within one bit, so a lookup reads 16 × 17 index keys
// (iblagh_case_for_images), never every hash. Hashes of low quality are not indexed.
export const mediaHashChunks = pgTable(
  "media_hash_chunks",
  {
    chunk: smallint().notNull(),
    value: integer().notNull(),
    sha256: text()
      .notNull()
      .references(() => media.sha256, { onDelete: "cascade" }),
    // The whole hash again, so that a lookup checks the distance from the index alone
    // (migration 0017 puts it in the primary key's INCLUDE).
    pdq: bit({ dimensions: 256 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.chunk, t.value, t.sha256] })],
);

export type Media = typeof media.$inferSelect;
