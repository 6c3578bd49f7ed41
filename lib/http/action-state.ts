// What server actions return to the forms that call them with `useActionState`. Here, not
// beside the actions under app/, so that components depend on lib/ only and get the actions
// themselves as props from their pages.
import type { ErrorCode } from "@/lib/errors";
import type { TrackedReport } from "@/lib/reports/track";
import type { FieldErrors } from "@/lib/validation";
import type { IntakeAnswer } from "@/lib/statements/schema";

/** A staff action's refusal: a message key (staff.errors), and per-field keys for a bad form. */
export interface Refusal {
  code: string;
  fieldErrors?: Record<string, string>;
}

/** The state of a staff action run by lib/http/staff-action.ts. */
export type StaffActionState<T> = { ok: true; value: T } | ({ ok: false } & Refusal) | null;

export type RevealState = StaffActionState<{ email?: string; phone?: string } | null>;
export type SaveState = StaffActionState<{ submitted: boolean }>;

export type ReportFormState =
  | { ok: true; data: { receipt: string; submittedAt: string; answer?: IntakeAnswer } }
  | {
      ok: false;
      code: ErrorCode | "internal_error";
      fieldErrors?: FieldErrors;
      values?: Record<string, string>;
      retryAfter?: number;
    }
  | null;

export type TrackFormState =
  | { ok: true; data: TrackedReport; receipt: string }
  | {
      ok: false;
      code: ErrorCode | "internal_error";
      fieldErrors?: Record<string, string>;
      receipt?: string;
      retryAfter?: number;
    }
  | null;

export type SignInState = {
  ok: false;
  code: "invalid" | "throttled" | "totp_required" | "totp_invalid" | "failed";
  minutes?: number;
  email?: string;
} | null;
