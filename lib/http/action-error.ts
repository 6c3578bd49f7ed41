import "server-only";
import { ExpectedError } from "@/lib/errors";
import { isDbUnavailable } from "./db-errors";

// Keys under staff.case.refused; anything else is shown as the generic "error".
const KNOWN = new Set([
  "forbidden", "not_allowed", "note_required", "referral_required", "survivor_required", "survivor_closed", "case_closed",
  "only_report", "reason_required", "assignee_invalid", "not_found", "unauthorized", "invalid", "error", "statement_exists",
]);

/** The key (under staff.case.refused) that explains why a staff action failed. */
export function refusalKey(error: unknown): string {
  if (error instanceof ExpectedError) {
    const key = error.detail?.reason ?? (error.code === "validation_failed" ? "invalid" : error.code);
    return KNOWN.has(key) ? key : "error";
  }
  if (!isDbUnavailable(error)) console.error("[iblagh] staff action failed:", error instanceof Error ? error.stack : error);
  return "error";
}

export const isKnownRefusal = (key: string) => KNOWN.has(key);
