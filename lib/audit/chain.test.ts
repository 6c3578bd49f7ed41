import { describe, expect, it } from "vitest";
import {
  auditHash,
  findBreak,
  formatCheckpoint,
  GENESIS,
  parseCheckpoint,
  type ChainedFields,
} from "./chain";

function chain(n: number) {
  const rows: (ChainedFields & { prevHash: string; hash: string })[] = [];
  let prev = GENESIS;
  for (let id = 1; id <= n; id++) {
    const row = {
      id,
      at: new Date(Date.UTC(2026, 0, id)),
      actorId: null,
      actorEmail: "a@example.ma",
      action: "case.note",
      targetType: null,
      targetId: null,
      details: { id },
    };
    const hash = auditHash(prev, row);
    rows.push({ ...row, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe("audit checkpoints", () => {
  it("round-trip as id:hash and refuse anything else", () => {
    const c = { id: 42, hash: "ab".repeat(32) };
    expect(parseCheckpoint(formatCheckpoint(c))).toEqual(c);
    expect(parseCheckpoint(` 42:${"AB".repeat(32)} `)).toEqual(c);
    for (const bad of [
      "",
      "42",
      `0:${c.hash}`,
      `-1:${c.hash}`,
      `42:${c.hash.slice(1)}`,
      `42:${"g".repeat(64)}`,
      `4.2:${c.hash}`,
      `99999999999999999:${c.hash}`,
    ]) {
      expect(parseCheckpoint(bad)).toBeNull();
    }
  });

  it("hold a chain to the hashes written down earlier", () => {
    const rows = chain(5);
    expect(findBreak(rows, undefined, new Map([[3, rows[2].hash]]))).toBeNull();
    expect(findBreak(rows, undefined, new Map([[3, rows[3].hash]]))).toEqual({
      id: 3,
      reason: "checkpoint_mismatch",
    });
  });
});
