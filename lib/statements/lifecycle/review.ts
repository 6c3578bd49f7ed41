import "server-only";
import { eq, sql } from "drizzle-orm";
import { hasRole, requireCaseRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/connect";
import { statements } from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";
import { statementDraftSchema } from "../schema";
import { lockStatement, refuse } from "./shared";

/** Draft → in review; for a published statement, its amendment → in review (a change note is required). */
export async function submitStatement(
  db: Db,
  actorIn: Actor | null,
  input: { id: string; changeNote?: string },
): Promise<void> {
  const actor = requireCaseRole(actorIn);
  await db.transaction(async (tx) => {
    const s = await lockStatement(tx, input.id);
    // The text must be complete before anyone is asked to approve it.
    const valid = statementDraftSchema.safeParse({
      content: s.content,
      appearances: s.appearances,
    });
    if (!valid.success) throw refuse("incomplete");
    const editors = sql`array(select distinct unnest(${statements.pendingEditors} || array[${actor.id}]::uuid[]))`;
    if (s.status === "draft") {
      await tx
        .update(statements)
        .set({ status: "in_review", pendingEditors: editors })
        .where(eq(statements.id, s.id));
    } else if (s.status === "published" && s.amendment === "draft") {
      if (!input.changeNote?.trim()) throw refuse("change_note_required");
      await tx
        .update(statements)
        .set({
          amendment: "in_review",
          changeNote: input.changeNote.trim(),
          pendingEditors: editors,
        })
        .where(eq(statements.id, s.id));
    } else throw refuse("not_submittable");
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "statement.submit",
      targetType: "statement",
      targetId: s.id,
    });
  });
}

/** A publisher sends it back for changes, with a reason. */
export async function returnStatement(
  db: Db,
  actorIn: Actor | null,
  input: { id: string; note: string },
): Promise<void> {
  const actor = requireCaseRole(actorIn);
  if (!hasRole(actor, "publisher")) throw new ExpectedError("forbidden");
  if (!input.note.trim()) throw refuse("note_required");
  await db.transaction(async (tx) => {
    const s = await lockStatement(tx, input.id);
    if (s.status === "in_review")
      await tx.update(statements).set({ status: "draft" }).where(eq(statements.id, s.id));
    else if (s.amendment === "in_review")
      await tx.update(statements).set({ amendment: "draft" }).where(eq(statements.id, s.id));
    else throw refuse("not_in_review");
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "statement.return",
      targetType: "statement",
      targetId: s.id,
      details: { note: input.note.trim() },
    });
  });
}
