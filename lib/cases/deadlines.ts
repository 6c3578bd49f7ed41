import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { requireAdmin, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/log";
import type { Db, Executor } from "@/lib/db/connect";
import { caseDeadlines, cases } from "@/lib/db/schema";
import { KINDS, OPEN_STATUSES, PRIORITIES } from "@/lib/vocabulary";

// How long a case may wait. The due time itself is the database's (iblagh_due_at, kept by the
// iblagh_case_due trigger); here: the table admins edit, the "time left" a page shows, and the
// escalation of overdue cases (iblagh_escalate_overdue).

export interface Deadline {
  kind: (typeof KINDS)[number];
  priority: (typeof PRIORITIES)[number];
  firstActionMinutes: number;
  decisionMinutes: number;
}

/** The table in a fixed order: kinds, then priorities from the most urgent. */
export async function listDeadlines(db: Executor): Promise<Deadline[]> {
  const rows = await db.select().from(caseDeadlines).orderBy(asc(caseDeadlines.kind));
  const rank = (p: string) => -PRIORITIES.indexOf(p as Deadline["priority"]);
  return (rows as Deadline[]).sort((a, b) =>
    a.kind === b.kind ? rank(a.priority) - rank(b.priority) : a.kind < b.kind ? -1 : 1,
  );
}

const MAX_MINUTES = 30 * 24 * 60;
export const deadlineSchema = z
  .object({
    kind: z.enum(KINDS),
    priority: z.enum(PRIORITIES),
    firstActionMinutes: z.coerce.number().int().min(1).max(MAX_MINUTES),
    decisionMinutes: z.coerce.number().int().min(1).max(MAX_MINUTES),
  })
  .refine((d) => d.decisionMinutes >= d.firstActionMinutes, {
    path: ["decisionMinutes"],
    message: "decision_before_first_action",
  });

/**
 * An admin changes one row; the open cases of that kind and priority take their new due time
 * in the same transaction (closed cases keep theirs: history is not rewritten).
 */
export async function updateDeadline(db: Db, actorIn: Actor | null, d: Deadline) {
  const actor = requireAdmin(actorIn);
  const parsed = deadlineSchema.parse(d);
  return db.transaction(async (tx) => {
    await tx
      .update(caseDeadlines)
      .set({
        firstActionMinutes: parsed.firstActionMinutes,
        decisionMinutes: parsed.decisionMinutes,
      })
      .where(and(eq(caseDeadlines.kind, parsed.kind), eq(caseDeadlines.priority, parsed.priority)));
    const open = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(", "));
    await tx.execute(sql`update ${cases}
      set due_at = iblagh_due_at(kind, priority, first_report_at, first_action_at)
      where status in (${open}) and kind = ${parsed.kind} and priority = ${parsed.priority}`);
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "desk.deadlines",
      targetType: "deadline",
      targetId: `${parsed.kind}:${parsed.priority}`,
      details: {
        firstActionMinutes: parsed.firstActionMinutes,
        decisionMinutes: parsed.decisionMinutes,
      },
    });
  });
}

export interface Escalated {
  id: string;
  ref: number;
  kind: string;
  fromPriority: string;
  toPriority: string;
  dueAt: Date;
}

/** Escalates overdue cases not yet escalated for their current deadline, at most `limit`. */
export async function escalateOverdue(db: Executor, now = new Date(), limit = 200) {
  const { rows } = await db.execute(
    sql`select * from iblagh_escalate_overdue(${now.toISOString()}::timestamptz, ${limit}, ${`{${PRIORITIES.join(",")}}`}::text[])`,
  );
  return (rows as Record<string, unknown>[]).map((r): Escalated => ({
    id: String(r.id),
    ref: Number(r.ref),
    kind: String(r.kind),
    fromPriority: String(r.from_priority),
    toPriority: String(r.to_priority),
    dueAt: new Date(String(r.due_at)),
  }));
}

/** Minutes left before a case is due (negative: overdue by that much); null when closed. */
export function minutesLeft(c: { status: string; dueAt: Date }, now = new Date()): number | null {
  if (!(OPEN_STATUSES as readonly string[]).includes(c.status)) return null;
  return Math.floor((c.dueAt.getTime() - now.getTime()) / 60_000);
}
