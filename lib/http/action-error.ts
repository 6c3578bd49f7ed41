import "server-only";
import { ExpectedError } from "@/lib/errors";
import { isDbUnavailable } from "./db-errors";
import { logUnexpected } from "./log-error";

/**
 * The key that explains why a staff action failed; pages show it with `refusalMessage`, which
 * falls back to the generic "error" for a key the message files do not have.
 */
export function refusalKey(error: unknown): string {
  if (error instanceof ExpectedError)
    return error.detail?.reason ?? (error.code === "validation_failed" ? "invalid" : error.code);
  if (!isDbUnavailable(error)) logUnexpected("staff action", error);
  return "error";
}
