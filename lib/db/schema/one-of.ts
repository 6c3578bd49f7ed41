import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

// CHECK lists and partial-index conditions come from lib/vocabulary.ts, so the database and the
// app cannot disagree on a status or a kind. The values are the app's own constants, written
// into the DDL as literals (a CHECK takes no parameters); the SQL text stays what drizzle-kit
// generated before, so no migration follows from building it.
const literals = (values: readonly string[]) =>
  values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ");

export const oneOf = (column: AnyPgColumn, values: readonly string[]): SQL =>
  sql`${column} in (${sql.raw(literals(values))})`;

/** For an index's WHERE, which names the column bare. */
export const columnOneOf = (column: string, values: readonly string[]): SQL =>
  sql.raw(`${column} in (${literals(values)})`);
