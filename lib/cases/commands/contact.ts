import "server-only";
import { eq } from "drizzle-orm";
import { requireCaseRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/connect";
import { caseEvents, reports } from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";
import { decrypt } from "@/lib/security/crypto";
import { getSecrets } from "@/lib/security/secrets";
import { lockCase } from "./lock";

// Reading a reporter's contact (audited), and notes on the case's timeline.

/** Contact details of one report, for a stated reason that goes into the audit trail. */
export async function revealContact(
  db: Db,
  actorIn: Actor | null,
  input: { reportId: string; reason: string },
): Promise<{ email?: string; phone?: string } | null> {
  const actor = requireCaseRole(actorIn);
  if (input.reason.trim().length < 5)
    throw new ExpectedError("transition_refused", { reason: "reason_required" });
  return db.transaction(async (tx) => {
    const [r] = await tx
      .select({ contactEnc: reports.contactEnc, caseId: reports.caseId })
      .from(reports)
      .where(eq(reports.id, input.reportId));
    if (!r) throw new ExpectedError("not_found");
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "contact.revealed",
      targetType: "report",
      targetId: input.reportId,
      details: { caseId: r.caseId, reason: input.reason.trim() },
    });
    await tx.insert(caseEvents).values({
      caseId: r.caseId,
      actorId: actor.id,
      type: "contact_revealed",
      note: input.reason.trim(),
      data: { reportId: input.reportId },
    });
    return r.contactEnc
      ? (JSON.parse(decrypt(r.contactEnc, getSecrets().encryptionKey)) as {
          email?: string;
          phone?: string;
        })
      : null;
  });
}

/** A note on the case's timeline, without changing anything else. */
export async function addCaseNote(
  db: Db,
  actorIn: Actor | null,
  input: { caseId: string; note: string },
) {
  const actor = requireCaseRole(actorIn);
  const note = input.note.trim();
  if (!note) throw new ExpectedError("transition_refused", { reason: "note_required" });
  await db.transaction(async (tx) => {
    await lockCase(tx, input.caseId);
    await tx
      .insert(caseEvents)
      .values({ caseId: input.caseId, actorId: actor.id, type: "note", note });
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "case.note",
      targetType: "case",
      targetId: input.caseId,
      details: { note },
    });
  });
}
