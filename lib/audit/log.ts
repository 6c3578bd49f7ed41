import "server-only";
import { asc, desc, gt, sql } from "drizzle-orm";
import type { Db, Executor } from "@/lib/db/connect";
import { auditEvents } from "@/lib/db/schema";
import { auditHash, findBreak, GENESIS, type ChainBreak } from "./chain";

export const AUDIT_ACTIONS = [
  "sign_in.success",
  "sign_in.failure",
  "sign_in.throttled",
  "sign_out",
  "totp.enrolled",
  "contact.revealed",
  "case.transition",
  "case.merge",
  "case.split",
  "case.assign",
  "case.priority",
  "case.note",
  "statement.create",
  "statement.update",
  "statement.submit",
  "statement.return",
  "statement.publish",
  "statement.withdraw",
  "stats.baseline",
  "staff.create",
  "staff.disable",
  "staff.enable",
  "staff.roles",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditInput {
  actorId?: string | null;
  actorEmail?: string | null;
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

const CHAIN_LOCK = 7_420_615_002;

/**
 * Appends one event, inside the caller's transaction so it commits or rolls back with the
 * action it records. Appends are serialised by a transaction-scoped lock: the chain is a list.
 */
export async function recordAudit(tx: Executor, input: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  const [{ id }] = (await tx.execute(sql`select nextval(pg_get_serial_sequence('audit_events', 'id'))::int as id`)).rows as { id: number }[];
  const row = {
    id,
    // Millisecond precision: what is hashed is exactly what is stored.
    at: new Date(),
    actorId: input.actorId ?? null,
    actorEmail: input.actorEmail ?? null,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    details: input.details ?? {},
  };
  const prevHash = last?.hash ?? GENESIS;
  await tx.insert(auditEvents).values({ ...row, prevHash, hash: auditHash(prevHash, row) });
}

/** Walks the whole chain in pages; returns the first broken link, or null. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<{ checked: number; broken: ChainBreak | null }> {
  let cursor = { prevHash: GENESIS, id: 0 };
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditEvents).where(gt(auditEvents.id, cursor.id)).orderBy(asc(auditEvents.id)).limit(pageSize);
    if (rows.length === 0) return { checked, broken: null };
    const broken = findBreak(
      rows.map((r) => ({ ...r, details: r.details ?? {} })),
      cursor,
    );
    if (broken) return { checked: checked + rows.findIndex((r) => r.id === broken.id), broken };
    checked += rows.length;
    const last = rows[rows.length - 1];
    cursor = { prevHash: last.hash, id: last.id };
  }
}
