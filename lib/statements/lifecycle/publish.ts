import "server-only";
import { eq } from "drizzle-orm";
import { hasRole, requireCaseRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/log";
import { isOpen } from "@/lib/cases/workflow";
import type { Db } from "@/lib/db/connect";
import { caseEvents, cases, statements, statementVersions } from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";
import { bump, METRICS, recordOutcome } from "@/lib/stats/rollup";
import { announceStatementChange } from "../notify";
import type { StatementType } from "../schema";
import { lockStatement, refuse, searchTextOf } from "./shared";
import { queueOutcomes } from "@/lib/mail/queue";

/**
 * Two-person rule: a publisher who neither wrote nor edited this text approves it, and it goes
 * public as a new version. Publishing a denial or truth statement closes its case.
 */
export async function publishStatement(
  db: Db,
  actorIn: Actor | null,
  input: { id: string },
  now = new Date(),
): Promise<{ slug: string }> {
  const actor = requireCaseRole(actorIn);
  if (!hasRole(actor, "publisher")) throw new ExpectedError("forbidden");
  return db.transaction(async (tx) => {
    const s = await lockStatement(tx, input.id);
    const first = s.status === "in_review";
    if (!first && s.amendment !== "in_review") throw refuse("not_in_review");
    if (s.authorId === actor.id && first)
      throw new ExpectedError("forbidden", { reason: "own_statement" });
    if (s.pendingEditors.includes(actor.id))
      throw new ExpectedError("forbidden", { reason: "own_statement" });

    const version = s.version + 1;
    const slug = s.slug ?? `${now.getUTCFullYear()}-${s.ref}`;
    await tx.insert(statementVersions).values({
      statementId: s.id,
      version,
      content: s.content,
      appearances: s.appearances,
      changeNote: first ? null : s.changeNote,
      publishedAt: now,
      approvedBy: actor.id,
    });
    await tx
      .update(statements)
      .set({
        status: "published",
        amendment: null,
        changeNote: null,
        pendingEditors: [],
        version,
        slug,
        publishedAt: s.publishedAt ?? now,
        updatedAt: now,
        searchText: searchTextOf(s.content),
      })
      .where(eq(statements.id, s.id));

    // The publication date is the one that counts in the yearly figures.
    if (first) await bump(tx, { at: now, metric: METRICS[s.type as StatementType] });
    if (first && s.type !== "communique") {
      const to = s.type === "denial" ? "debunked" : "confirmed";
      const [c] = await tx
        .select({ status: cases.status, firstReportAt: cases.firstReportAt })
        .from(cases)
        .where(eq(cases.id, s.caseId))
        .for("update");
      if (c) await recordOutcome(tx, s.caseId, "statement", c.firstReportAt, now);
      if (c && isOpen(c.status)) {
        await tx
          .update(cases)
          .set({ status: to, statusChangedAt: now, closedAt: now })
          .where(eq(cases.id, s.caseId));
        await queueOutcomes(tx, s.caseId);
        await tx.insert(caseEvents).values({
          caseId: s.caseId,
          at: now,
          actorId: actor.id,
          type: "transition",
          fromStatus: c.status,
          toStatus: to,
          note: `statement ${slug}`,
          data: { statementId: s.id },
        });
      }
    }
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "statement.publish",
      targetType: "statement",
      targetId: s.id,
      details: { version, slug },
    });
    await announceStatementChange(tx, slug);
    return { slug };
  });
}

/** Withdrawn, never deleted: the page stays, marked, with the reason. */
export async function withdrawStatement(
  db: Db,
  actorIn: Actor | null,
  input: { id: string; reason: string },
  now = new Date(),
): Promise<void> {
  const actor = requireCaseRole(actorIn);
  if (!hasRole(actor, "publisher")) throw new ExpectedError("forbidden");
  if (!input.reason.trim()) throw refuse("reason_required");
  await db.transaction(async (tx) => {
    const s = await lockStatement(tx, input.id);
    if (s.status !== "published") throw refuse("not_published");
    await tx
      .update(statements)
      .set({
        status: "withdrawn",
        amendment: null,
        withdrawnAt: now,
        withdrawalReason: input.reason.trim(),
        updatedAt: now,
      })
      .where(eq(statements.id, s.id));
    // Still counted in the year it was published, and listed there as withdrawn.
    await bump(tx, {
      at: s.publishedAt!,
      metric: METRICS.withdrawn,
      breakdowns: [`type:${s.type}`],
    });
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "statement.withdraw",
      targetType: "statement",
      targetId: s.id,
      details: { reason: input.reason.trim() },
    });
    await announceStatementChange(tx, s.slug);
  });
}
