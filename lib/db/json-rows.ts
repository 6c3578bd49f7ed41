import { sql, type SQL } from "drizzle-orm";

/**
 * Many rows as one JSON parameter, for `json_to_recordset` / `json_array_elements_text`.
 * Drizzle spends several microseconds per bound value building a statement; a batch of
 * reports has hundreds of values, and the intake's CPU went mostly there. Serialised once,
 * the rows are one parameter and Postgres parses them in C. Bigints travel as strings.
 */
export function jsonParam(rows: unknown, type: "json" | "jsonb" = "json"): SQL {
  const text = JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? v.toString() : v));
  // A jsonb parameter is cast once: `::json::jsonb` would parse the text twice.
  return type === "jsonb" ? sql`${text}::jsonb` : sql`${text}::json`;
}
