import "server-only";
import { and, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { requireCaseRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/connect";
import { caseEvents, cases, staffUsers } from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";
import type { Priority } from "../priority";

// Who holds a case, and how urgent it is.

export async function assignCases(
  db: Db,
  actorIn: Actor | null,
  input: { caseIds: string[]; assigneeId: string | null },
) {
  const actor = requireCaseRole(actorIn);
  await db.transaction(async (tx) => {
    if (input.assigneeId) {
      const [assignee] = await tx
        .select({ roles: staffUsers.roles, disabledAt: staffUsers.disabledAt })
        .from(staffUsers)
        .where(eq(staffUsers.id, input.assigneeId));
      if (
        !assignee ||
        assignee.disabledAt ||
        !assignee.roles.some((r) => r === "moderator" || r === "publisher")
      )
        throw new ExpectedError("conflict", { reason: "assignee_invalid" });
    }
    const now = new Date();
    const changed = await tx
      .update(cases)
      .set({ assigneeId: input.assigneeId })
      .where(
        and(
          inArray(cases.id, input.caseIds),
          input.assigneeId
            ? sql`${cases.assigneeId} is distinct from ${input.assigneeId}`
            : isNotNull(cases.assigneeId),
        ),
      )
      .returning({ id: cases.id });
    if (changed.length === 0) return;
    await tx.insert(caseEvents).values(
      changed.map((c) => ({
        caseId: c.id,
        at: now,
        actorId: actor.id,
        type: "assigned",
        data: { assigneeId: input.assigneeId },
      })),
    );
    for (const c of changed)
      await recordAudit(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: "case.assign",
        targetType: "case",
        targetId: c.id,
        details: { assigneeId: input.assigneeId },
      });
  });
}

export async function setPriority(
  db: Db,
  actorIn: Actor | null,
  input: { caseIds: string[]; priority: Priority },
) {
  const actor = requireCaseRole(actorIn);
  await db.transaction(async (tx) => {
    const now = new Date();
    const changed = await tx
      .update(cases)
      .set({ priority: input.priority })
      .where(and(inArray(cases.id, input.caseIds), ne(cases.priority, input.priority)))
      .returning({ id: cases.id });
    if (changed.length === 0) return;
    await tx.insert(caseEvents).values(
      changed.map((c) => ({
        caseId: c.id,
        at: now,
        actorId: actor.id,
        type: "priority",
        data: { to: input.priority },
      })),
    );
    for (const c of changed)
      await recordAudit(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: "case.priority",
        targetType: "case",
        targetId: c.id,
        details: { to: input.priority },
      });
  });
}

/** Bulk close from the queue: each case goes through the same checks as one by one, all or none. */
