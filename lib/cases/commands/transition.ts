import "server-only";
import { eq } from "drizzle-orm";
import { requireCaseRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/log";
import type { Db, Tx } from "@/lib/db/connect";
import { caseEvents, cases } from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";
import { bump, METRICS, recordOutcome } from "@/lib/stats/rollup";
import { checkTransition, isFinal, type CaseStatus, type Referral } from "../workflow";
import { lockCase } from "./lock";
import { mergeInto } from "./merge";
import { queueOutcomes } from "@/lib/mail/queue";

// Moving a case through its workflow, alone or in bulk from the queue (a duplicate is merged).

export interface TransitionInput {
  caseId: string;
  to: CaseStatus;
  note?: string | null;
  referral?: Referral | null;
  survivorId?: string | null;
  /** When it happened; now unless history is being written (the demo seed). */
  at?: Date;
}

/** Moves a case along its workflow; every step is on the timeline and in the audit trail. */
export async function transitionCase(
  db: Db,
  actorIn: Actor | null,
  input: TransitionInput,
): Promise<void> {
  const actor = requireCaseRole(actorIn);
  await db.transaction((tx) => transitionInTx(tx, actor, input));
}

export async function transitionInTx(tx: Tx, actor: Actor, input: TransitionInput): Promise<void> {
  {
    const c = await lockCase(tx, input.caseId);
    const check = checkTransition({
      kind: c.kind as never,
      from: c.status as CaseStatus,
      to: input.to,
      roles: actor.roles,
      note: input.note,
      referral: input.referral,
      survivorId: input.survivorId,
      caseId: c.id,
    });
    if (!check.ok)
      throw new ExpectedError(check.reason === "forbidden" ? "forbidden" : "transition_refused", {
        reason: check.reason,
      });
    if (input.to === "duplicate") {
      await mergeInto(tx, actor, c.id, input.survivorId!, input.note!.trim());
      return;
    }
    const now = input.at ?? new Date();
    await tx
      .update(cases)
      .set({
        status: input.to,
        ...(input.to === "expertise" ? { expertiseAt: now } : {}),
        statusChangedAt: now,
        closedAt: isFinal(input.to) ? now : null,
        ...(input.to === "referred" && input.referral
          ? {
              referralDate: input.referral.date,
              referralUnit: input.referral.unit.trim(),
              referralReference: input.referral.reference.trim(),
            }
          : {}),
      })
      .where(eq(cases.id, c.id));
    if (isFinal(input.to)) await queueOutcomes(tx, c.id);
    const note = input.note?.trim() || null;
    await tx.insert(caseEvents).values({
      caseId: c.id,
      at: now,
      actorId: actor.id,
      type: "transition",
      fromStatus: c.status,
      toStatus: input.to,
      note,
      data: input.to === "referred" ? { referral: input.referral } : null,
    });
    if (input.to === "expertise")
      await bump(tx, {
        at: now,
        metric: METRICS.violentDetected,
        breakdowns: [`category:${c.category}`],
      });
    if (input.to === "referred") {
      // Counted with the year the content was detected, as a share of that year's detections.
      await bump(tx, { at: c.expertiseAt ?? now, metric: METRICS.referred });
      await recordOutcome(tx, c.id, "referral", c.firstReportAt, now);
    }
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "case.transition",
      targetType: "case",
      targetId: c.id,
      details: { from: c.status, to: input.to, note },
    });
  }
}

/** Closes `sourceId` as a duplicate of `survivorId`; its reports and links move over. */

export async function closeCases(
  db: Db,
  actorIn: Actor | null,
  input: { caseIds: string[]; to: "no_action" | "duplicate"; note: string; survivorId?: string },
) {
  const actor = requireCaseRole(actorIn);
  await db.transaction(async (tx) => {
    for (const caseId of input.caseIds) {
      if (caseId === input.survivorId) continue;
      await transitionInTx(tx, actor, {
        caseId,
        to: input.to,
        note: input.note,
        survivorId: input.survivorId,
      });
    }
  });
}

/** Closing a case as a duplicate of another: its reports move to the survivor. */
export async function mergeCases(
  db: Db,
  actor: Actor | null,
  input: { sourceId: string; survivorId: string; note: string },
) {
  return transitionCase(db, actor, {
    caseId: input.sourceId,
    to: "duplicate",
    survivorId: input.survivorId,
    note: input.note,
  });
}

/** Takes one report out of its case into a new case of its own. */
