import { sha256, stableStringify } from "@/lib/security/crypto";

export const GENESIS = "0".repeat(64);

export interface ChainedFields {
  id: number;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

/** Each row's hash covers its own content and the previous row's hash. */
export function auditHash(prevHash: string, row: ChainedFields): string {
  return sha256(
    `${prevHash}\n${stableStringify({
      id: row.id,
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorEmail: row.actorEmail,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      details: row.details,
    })}`,
  );
}

export type ChainBreak = {
  id: number;
  reason: "prev_hash_mismatch" | "hash_mismatch" | "missing_row" | "checkpoint_mismatch";
};

/**
 * A link of the chain written down outside the database (`audit:verify` prints the latest):
 * verifying against it later proves that nothing up to it was removed or rewritten, which the
 * chain alone cannot prove for its own end.
 */
export interface Checkpoint {
  id: number;
  hash: string;
}

export const formatCheckpoint = (c: Checkpoint) => `${c.id}:${c.hash}`;

export function parseCheckpoint(text: string): Checkpoint | null {
  const m = /^([1-9]\d{0,15}):([0-9a-f]{64})$/.exec(text.trim().toLowerCase());
  return m && Number.isSafeInteger(Number(m[1])) ? { id: Number(m[1]), hash: m[2] } : null;
}

/** The first row where the chain does not hold, or null. Rows in id order. */
export function findBreak(
  rows: Iterable<ChainedFields & { prevHash: string; hash: string }>,
  start: { prevHash: string; id: number } = { prevHash: GENESIS, id: 0 },
  checkpoints: ReadonlyMap<number, string> = new Map(),
): ChainBreak | null {
  let prev = start.prevHash;
  let expectedId = start.id + 1;
  for (const row of rows) {
    // bigserial ids may skip after a rolled-back insert; a gap is only suspicious with a broken link.
    if (row.prevHash !== prev)
      return { id: row.id, reason: row.id !== expectedId ? "missing_row" : "prev_hash_mismatch" };
    if (auditHash(prev, row) !== row.hash) return { id: row.id, reason: "hash_mismatch" };
    const expected = checkpoints.get(row.id);
    if (expected !== undefined && expected !== row.hash)
      return { id: row.id, reason: "checkpoint_mismatch" };
    prev = row.hash;
    expectedId = row.id + 1;
  }
  return null;
}
