// The case workflow as a pure state machine: what may follow what, for which kind of case,
// who may do it and what it needs. Services call `checkTransition` before writing anything.
import type { Kind } from "@/lib/reports/categories";

import { CASE_STATUSES, FINAL_STATUSES, OPEN_STATUSES } from "@/lib/vocabulary";

export { CASE_STATUSES, FINAL_STATUSES, OPEN_STATUSES };
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export type FinalStatus = (typeof FINAL_STATUSES)[number];
/** Closed with a decision: a duplicate only points elsewhere. */
export const ANSWERED_STATUSES = FINAL_STATUSES.filter((s) => s !== "duplicate");
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const ROLES = ["moderator", "publisher", "admin"] as const;
export type Role = (typeof ROLES)[number];
/** Roles that do case work. A publisher does all a moderator does; an admin alone does none. */
export const CASE_ROLES: readonly Role[] = ["moderator", "publisher"];

const FLOW: Record<Kind, Partial<Record<CaseStatus, readonly CaseStatus[]>>> = {
  rumor: {
    new: ["triage"],
    triage: ["verifying"],
    verifying: ["debunked", "confirmed", "no_action"],
  },
  violent_content: { new: ["triage"], triage: ["expertise"], expertise: ["referred", "no_action"] },
};

export const isOpen = (s: string): s is OpenStatus =>
  (OPEN_STATUSES as readonly string[]).includes(s);
export const isFinal = (s: string): s is FinalStatus =>
  (FINAL_STATUSES as readonly string[]).includes(s);

/** Next statuses a case may take. Any open case may be closed as no_action or duplicate. */
export function nextStatuses(kind: Kind, from: CaseStatus): CaseStatus[] {
  if (!isOpen(from)) return [];
  const flow = [...(FLOW[kind][from] ?? [])];
  for (const s of ["no_action", "duplicate"] as const) if (!flow.includes(s)) flow.push(s);
  return flow;
}

export interface Referral {
  date: string;
  unit: string;
  reference: string;
}

export interface TransitionRequest {
  kind: Kind;
  from: CaseStatus;
  to: CaseStatus;
  roles: readonly Role[];
  note?: string | null;
  referral?: Referral | null;
  survivorId?: string | null;
  caseId?: string;
}

export type TransitionRefusal =
  "forbidden" | "not_allowed" | "note_required" | "referral_required" | "survivor_required";

export function checkTransition(
  req: TransitionRequest,
): { ok: true } | { ok: false; reason: TransitionRefusal } {
  if (!req.roles.some((r) => CASE_ROLES.includes(r))) return { ok: false, reason: "forbidden" };
  if (!nextStatuses(req.kind, req.from).includes(req.to))
    return { ok: false, reason: "not_allowed" };
  // Closing a case must say why: the note is what an auditor reads later.
  if (isFinal(req.to) && !req.note?.trim()) return { ok: false, reason: "note_required" };
  if (
    req.to === "referred" &&
    !(req.referral?.date && req.referral.unit?.trim() && req.referral.reference?.trim())
  ) {
    return { ok: false, reason: "referral_required" };
  }
  if (req.to === "duplicate" && (!req.survivorId || req.survivorId === req.caseId))
    return { ok: false, reason: "survivor_required" };
  return { ok: true };
}

export type PublicStatus = "received" | "in_review" | "closed";

/** What a reporter sees: never the internal step, only where the case stands. */
export function publicStatusOf(status: CaseStatus): PublicStatus {
  if (status === "new") return "received";
  return isOpen(status) ? "in_review" : "closed";
}
