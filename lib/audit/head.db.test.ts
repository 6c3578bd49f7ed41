import { asc, desc, eq, gt, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, auditHead } from "@/lib/db/schema";
import { withTestDb } from "@/lib/testing/db";
import { auditCheckpoint, recordAudit, verifyAuditChain } from "./log";

// Removing events from the end of the chain: the one edit that no link of the chain shows.
const conn = withTestDb();

beforeAll(async () => {
  for (let i = 0; i < 4; i++)
    await recordAudit(conn.db, { action: "case.priority", details: { i } });
});

async function asSuperuser(triggers: string[], fn: () => Promise<unknown>) {
  for (const t of triggers)
    await conn.db.execute(
      sql.raw(`alter table ${t.split(".")[0]} disable trigger ${t.split(".")[1]}`),
    );
  await fn();
  for (const t of triggers)
    await conn.db.execute(
      sql.raw(`alter table ${t.split(".")[0]} enable trigger ${t.split(".")[1]}`),
    );
}

describe("the audit chain's end", () => {
  it("finds events removed from the end, even after later appends", async () => {
    const before = await verifyAuditChain(conn.db);
    expect(before.broken).toBeNull();
    await recordAudit(conn.db, { action: "case.note", details: { n: 1 } });
    await recordAudit(conn.db, { action: "case.note", details: { n: 2 } });
    const [last] = await conn.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);

    await asSuperuser(["audit_events.audit_events_no_update_delete"], () =>
      conn.db.delete(auditEvents).where(eq(auditEvents.id, last.id)),
    );
    // The head still names the removed event.
    expect((await verifyAuditChain(conn.db)).broken).toEqual({
      id: last.id,
      reason: "missing_row",
    });
    // The next event links to the removed one, so the gap stays visible.
    await recordAudit(conn.db, { action: "case.note", details: { n: 3 } });
    expect((await verifyAuditChain(conn.db)).broken).toEqual({
      id: last.id + 1,
      reason: "missing_row",
    });
  });

  it("needs a checkpoint kept elsewhere when the head was rewound too", async () => {
    const rows = await conn.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    const keep = rows.findIndex((r, i) => i > 0 && r.prevHash !== rows[i - 1].hash) - 1;
    const kept = rows[keep];
    const checkpoint = { id: rows[rows.length - 1].id, hash: rows[rows.length - 1].hash };
    // Someone able to drop both tables' triggers removes everything after `kept` and rewinds the head.
    await asSuperuser(
      ["audit_events.audit_events_no_update_delete", "audit_head.audit_head_forward_only"],
      async () => {
        await conn.db.delete(auditEvents).where(gt(auditEvents.id, kept.id));
        await conn.db.update(auditHead).set({ lastId: kept.id, lastHash: kept.hash });
      },
    );

    expect((await verifyAuditChain(conn.db)).broken).toBeNull();
    expect((await verifyAuditChain(conn.db, { checkpoints: [checkpoint] })).broken).toEqual({
      id: checkpoint.id,
      reason: "missing_row",
    });
    const wrong = { id: kept.id, hash: "f".repeat(64) };
    expect((await verifyAuditChain(conn.db, { checkpoints: [wrong] })).broken).toEqual({
      id: kept.id,
      reason: "checkpoint_mismatch",
    });
  });

  it("keeps the head moving forward only, and both tables from being truncated", async () => {
    await expect(conn.db.update(auditHead).set({ lastId: 1 })).rejects.toThrow();
    await expect(conn.db.delete(auditHead)).rejects.toThrow();
    await expect(conn.db.execute(sql`truncate audit_events`)).rejects.toThrow();
    await expect(conn.db.execute(sql`truncate audit_head`)).rejects.toThrow();
    expect(await auditCheckpoint(conn.db)).not.toBeNull();
  });
});
