// The closed lists the database checks and the app speaks: one definition each. The schema
// builds its CHECK constraints and partial indexes from these (lib/db/schema), and the domain
// modules re-export them where they belong (reports, cases, statements, i18n). Imports nothing.

export const KINDS = ["rumor", "violent_content"] as const;
export const LOCALES = ["ar", "fr", "en"] as const;

export const OPEN_STATUSES = ["new", "triage", "verifying", "expertise"] as const;
export const FINAL_STATUSES = [
  "debunked",
  "confirmed",
  "no_action",
  "referred",
  "duplicate",
] as const;
export const CASE_STATUSES = [...OPEN_STATUSES, ...FINAL_STATUSES] as const;

/** Lowest first. */
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;

export const STATEMENT_TYPES = ["denial", "truth", "communique"] as const;
export const STATEMENT_STATUSES = ["draft", "in_review", "published", "withdrawn"] as const;
/** The states a pending amendment of a published statement goes through. */
export const AMENDMENT_STATUSES = ["draft", "in_review"] as const;

/** What a report may carry besides words; the media table is ready for more kinds. */
export const MEDIA_KINDS = ["image"] as const;

/** What the outbox sends a reporter who asked to be told: a confirmation, then the outcome. */
export const MAIL_KINDS = ["confirmation", "outcome"] as const;

/**
 * A takedown notice's life: prepared, sent to the platform, acknowledged by it, then removed,
 * refused or left without answer.
 */
export const NOTICE_STATUSES = [
  "prepared",
  "sent",
  "acknowledged",
  "removed",
  "refused",
  "no_answer",
] as const;
/** The canned texts admins edit: a takedown notice, a closing note. */
export const TEMPLATE_PURPOSES = ["notice", "closing"] as const;
