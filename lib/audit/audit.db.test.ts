import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { transitionCase } from "@/lib/cases/service";
import { auditEvents } from "@/lib/db/schema";
import { withTestDb } from "@/lib/testing/db";
import { report, staff } from "@/lib/testing/fixtures";
import { auditCheckpoint, recordAudit, verifyAuditChain } from "./log";

const conn = withTestDb();

beforeAll(async () => {
  const mod = await staff(conn.db, ["moderator"]);
  for (let i = 0; i < 3; i++)
    await transitionCase(conn.db, mod, { caseId: (await report(conn.db)).caseId, to: "triage" });
});

describe("audit trail", () => {
  it("records staff actions in a verifiable chain", async () => {
    const rows = await conn.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    expect(rows.map((r) => r.action)).toEqual([
      "staff.create",
      "case.transition",
      "case.transition",
      "case.transition",
    ]);
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(await verifyAuditChain(conn.db)).toEqual({
      checked: 4,
      broken: null,
      head: { id: rows[3].id, hash: rows[3].hash },
    });
    expect(await auditCheckpoint(conn.db)).toEqual({ id: rows[3].id, hash: rows[3].hash });
  });

  it("keeps the chain whole under concurrent appends", async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        conn.db.transaction((tx) => recordAudit(tx, { action: "case.priority", details: { i } })),
      ),
    );
    expect((await verifyAuditChain(conn.db, { pageSize: 3 })).broken).toBeNull();
  });

  it("refuses updates and deletes", async () => {
    await expect(
      conn.db.update(auditEvents).set({ action: "x" }).where(eq(auditEvents.id, 1)),
    ).rejects.toThrow();
    await expect(conn.db.delete(auditEvents).where(eq(auditEvents.id, 1))).rejects.toThrow();
  });

  it("finds the first edited row, and a deleted one", async () => {
    await conn.db.execute(
      sql`alter table audit_events disable trigger audit_events_no_update_delete`,
    );
    const [second] = await conn.db
      .select()
      .from(auditEvents)
      .orderBy(asc(auditEvents.id))
      .offset(1)
      .limit(1);
    await conn.db
      .update(auditEvents)
      .set({ details: { ...second.details, note: "edited" } })
      .where(eq(auditEvents.id, second.id));
    expect(await verifyAuditChain(conn.db)).toEqual({
      checked: 1,
      broken: { id: second.id, reason: "hash_mismatch" },
      head: null,
    });

    await conn.db
      .update(auditEvents)
      .set({ details: second.details })
      .where(eq(auditEvents.id, second.id));
    expect((await verifyAuditChain(conn.db)).broken).toBeNull();
    const [third] = await conn.db
      .select()
      .from(auditEvents)
      .orderBy(asc(auditEvents.id))
      .offset(2)
      .limit(1);
    await conn.db.delete(auditEvents).where(eq(auditEvents.id, third.id));
    expect((await verifyAuditChain(conn.db)).broken).toEqual({
      id: third.id + 1,
      reason: "missing_row",
    });
    await conn.db.execute(
      sql`alter table audit_events enable trigger audit_events_no_update_delete`,
    );
  });
});
