import "server-only";
import { asc, gt, sql } from "drizzle-orm";
import type { Db, Executor } from "@/lib/db/connect";
import { auditEvents, auditHead } from "@/lib/db/schema";
import { auditHash, findBreak, GENESIS, type ChainBreak, type Checkpoint } from "./chain";

export const AUDIT_ACTIONS = [
  "sign_in.success",
  "sign_in.failure",
  "sign_in.throttled",
  "sign_out",
  "totp.enrolled",
  "totp.replaced",
  "totp.removed",
  "totp.reset",
  "sessions.ended",
  "contact.revealed",
  "media.view",
  "case.transition",
  "case.merge",
  "case.split",
  "case.assign",
  "case.priority",
  "case.note",
  "case.export_evidence",
  "case.hold",
  "case.hold_takeover",
  "case.hold_release",
  "notice.prepare",
  "notice.record",
  "desk.deadlines",
  "desk.template",
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
  "staff.preferences",
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
 * The new event links to the head, not to the last row present: events removed from the end
 * (the one edit the chain cannot show by itself) break the link of the next one.
 */
export async function recordAudit(tx: Executor, input: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [head] = await tx.select({ hash: auditHead.lastHash }).from(auditHead);
  const [{ id }] = (
    await tx.execute(sql`select nextval(pg_get_serial_sequence('audit_events', 'id'))::int as id`)
  ).rows as { id: number }[];
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
  const prevHash = head?.hash ?? GENESIS;
  const hash = auditHash(prevHash, row);
  await tx.insert(auditEvents).values({ ...row, prevHash, hash });
  await tx
    .insert(auditHead)
    .values({ lastId: id, lastHash: hash })
    .onConflictDoUpdate({ target: auditHead.singleton, set: { lastId: id, lastHash: hash } });
}

/** The chain's latest link as the database records it, or null before the first event. */
export async function auditCheckpoint(db: Executor): Promise<Checkpoint | null> {
  const [head] = await db
    .select({ id: auditHead.lastId, hash: auditHead.lastHash })
    .from(auditHead);
  return head ?? null;
}

/**
 * Walks the whole chain in pages; returns the first broken link, or null, and the last link
 * (to be recorded as a checkpoint). The head read before the walk, and every checkpoint
 * given, must be found on the chain with its hash: a missing one means events were removed
 * from the end. Events appended during the walk are verified as well.
 */
export async function verifyAuditChain(
  db: Db,
  opts: { pageSize?: number; checkpoints?: Checkpoint[] } = {},
): Promise<{ checked: number; broken: ChainBreak | null; head: Checkpoint | null }> {
  const pageSize = opts.pageSize ?? 5000;
  const expected = new Map((opts.checkpoints ?? []).map((c) => [c.id, c.hash]));
  const head = await auditCheckpoint(db);
  if (head) {
    // Two different hashes for one event: the given checkpoint and the database disagree.
    if ((expected.get(head.id) ?? head.hash) !== head.hash)
      return { checked: 0, broken: { id: head.id, reason: "checkpoint_mismatch" }, head: null };
    expected.set(head.id, head.hash);
  }
  let cursor = { prevHash: GENESIS, id: 0 };
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, cursor.id))
      .orderBy(asc(auditEvents.id))
      .limit(pageSize);
    if (rows.length === 0) break;
    const broken = findBreak(
      rows.map((r) => ({ ...r, details: r.details ?? {} })),
      cursor,
      expected,
    );
    if (broken)
      return { checked: checked + rows.findIndex((r) => r.id === broken.id), broken, head: null };
    for (const r of rows) expected.delete(r.id);
    checked += rows.length;
    const last = rows[rows.length - 1];
    cursor = { prevHash: last.hash, id: last.id };
  }
  // A checkpoint never passed: its event, and every one after it, is gone.
  const missing = Math.min(...expected.keys());
  if (Number.isFinite(missing))
    return { checked, broken: { id: missing, reason: "missing_row" }, head: null };
  return { checked, broken: null, head: checked ? { id: cursor.id, hash: cursor.prevHash } : null };
}
