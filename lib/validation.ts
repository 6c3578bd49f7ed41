import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/** The i18n key for an issue: our own keys pass through, zod's built-in codes get a generic one. */
export function issueKey(issue: Pick<z.core.$ZodIssue, "code" | "message">): string {
  if (issue.message.startsWith("validation.")) return issue.message;
  if (issue.code === "invalid_type") return "validation.invalidType";
  if (issue.code === "unrecognized_keys") return "validation.unknownField";
  return "validation.invalid";
}

export const issuePath = (issue: Pick<z.core.$ZodIssue, "path">) =>
  issue.path.map(String).join(".") || "_";

/** First problem per field, as `{ "contact.email": "validation.emailInvalid" }`. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issuePath(issue);
    out[key] ??= issueKey(issue);
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A well-formed UUID: anything else is refused before it reaches a uuid column (no 500). */
export const isUuid = (s: string): boolean => UUID.test(s);
