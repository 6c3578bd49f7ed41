import "server-only";
import { and, eq, gt, inArray, ne } from "drizzle-orm";
import { hasRole, requireCaseRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/log";
import type { Db, Executor } from "@/lib/db/connect";
import { caseHolds, staffUsers } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { ExpectedError } from "@/lib/errors";
import { lockCase } from "./lock";

// Who is handling a case: taken by the "I am handling this" button or by any action on the
// case page, refreshed by each action, lapsed CASE_HOLD_MINUTES after the last one. Another
// member still reads the case; to act, they take the hold over (audited). The holder, a
// publisher or an admin releases it.

export interface CaseHold {
  holderId: string;
  holderEmail: string;
  since: Date;
  /** When it lapses without another action by its holder. */
  until: Date;
}

const holdMs = () => env.CASE_HOLD_MINUTES * 60_000;
/** A hold touched before this has lapsed: the one rule of what is live. */
const live = (now: Date) => gt(caseHolds.touchedAt, new Date(now.getTime() - holdMs()));

/** The live hold on a case, or null (none, or lapsed). */
export async function holdOf(db: Executor, caseId: string, now = new Date()) {
  const [h] = await db
    .select({
      holderId: caseHolds.holderId,
      holderEmail: staffUsers.email,
      since: caseHolds.since,
      touchedAt: caseHolds.touchedAt,
    })
    .from(caseHolds)
    .innerJoin(staffUsers, eq(staffUsers.id, caseHolds.holderId))
    .where(and(eq(caseHolds.caseId, caseId), live(now)));
  if (!h) return null;
  const until = new Date(h.touchedAt.getTime() + holdMs());
  return { holderId: h.holderId, holderEmail: h.holderEmail, since: h.since, until } as CaseHold;
}

/**
 * Holds the case for the actor, or refreshes their hold. Held by someone else: refused with
 * `held_by_other` unless `takeOver` (the member confirmed), which is audited with whose hold
 * it was. `explicit`: the button, audited when it starts a hold.
 */
export async function holdCase(
  db: Db,
  actorIn: Actor | null,
  input: { caseId: string; takeOver?: boolean; explicit?: boolean },
  now = new Date(),
) {
  const actor = requireCaseRole(actorIn);
  return db.transaction(async (tx) => {
    await lockCase(tx, input.caseId);
    const current = await holdOf(tx, input.caseId, now);
    const mine = current?.holderId === actor.id;
    if (current && !mine) {
      if (!input.takeOver) throw new ExpectedError("conflict", { reason: "held_by_other" });
      await recordAudit(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: "case.hold_takeover",
        targetType: "case",
        targetId: input.caseId,
        details: { from: current.holderId, since: current.since.toISOString() },
      });
    } else if (!current && input.explicit)
      await recordAudit(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: "case.hold",
        targetType: "case",
        targetId: input.caseId,
      });
    const since = mine ? current.since : now;
    await tx
      .insert(caseHolds)
      .values({ caseId: input.caseId, holderId: actor.id, since, touchedAt: now })
      .onConflictDoUpdate({
        target: caseHolds.caseId,
        set: { holderId: actor.id, since, touchedAt: now },
      });
  });
}

/** Ends a live hold: its holder's own, or anyone's for a publisher or an admin. */
export async function releaseHold(
  db: Db,
  actorIn: Actor | null,
  input: { caseId: string },
  now = new Date(),
) {
  const actor = requireCaseRole(actorIn);
  await db.transaction(async (tx) => {
    await lockCase(tx, input.caseId);
    const current = await holdOf(tx, input.caseId, now);
    if (!current) return;
    if (current.holderId !== actor.id && !hasRole(actor, "publisher", "admin"))
      throw new ExpectedError("forbidden", { reason: "release_not_yours" });
    await tx.delete(caseHolds).where(eq(caseHolds.caseId, input.caseId));
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "case.hold_release",
      targetType: "case",
      targetId: input.caseId,
      details: { holderId: current.holderId },
    });
  });
}

/** Who holds each of some cases (the queue's page of rows), by case id; lapsed ones left out. */
export async function holdsOf(db: Executor, caseIds: string[], now = new Date()) {
  if (caseIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ caseId: caseHolds.caseId, holderEmail: staffUsers.email })
    .from(caseHolds)
    .innerJoin(staffUsers, eq(staffUsers.id, caseHolds.holderId))
    .where(and(inArray(caseHolds.caseId, caseIds), live(now)));
  return new Map(rows.map((r) => [r.caseId, r.holderEmail]));
}

/**
 * Bulk actions from the queue: refused (`held_by_other`) when another member is handling any of
 * the cases; they take no hold themselves (a bulk close is over at once).
 */
export async function refuseHeldByOthers(
  db: Executor,
  actor: Actor,
  caseIds: string[],
  now = new Date(),
) {
  if (caseIds.length === 0) return;
  const [held] = await db
    .select({ caseId: caseHolds.caseId })
    .from(caseHolds)
    .where(and(inArray(caseHolds.caseId, caseIds), live(now), ne(caseHolds.holderId, actor.id)))
    .limit(1);
  if (held) throw new ExpectedError("conflict", { reason: "held_by_other" });
}
