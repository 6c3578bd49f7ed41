import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { auditEvents } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { withTestDb } from "@/lib/testing/db";
import { report, staff } from "@/lib/testing/fixtures";
import { holdCase, holdOf, holdsOf, refuseHeldByOthers, releaseHold } from "./service";

const conn = withTestDb();
let first: Actor;
let second: Actor;
let publisher: Actor;
const minutes = (m: number, from = new Date()) => new Date(from.getTime() + m * 60_000);

beforeAll(async () => {
  [first, second, publisher] = [
    await staff(conn.db, ["moderator"]),
    await staff(conn.db, ["moderator"]),
    await staff(conn.db, ["publisher"]),
  ];
});

const audited = (caseId: string, action: string) =>
  conn.db
    .select({ actorId: auditEvents.actorId, details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, caseId), eq(auditEvents.action, action)));

describe("holding a case", () => {
  it("shows who holds it, refuses another member's action, and lets them take it over", async () => {
    const { caseId } = await report(conn.db);
    const t0 = new Date();
    await holdCase(conn.db, first, { caseId, explicit: true }, t0);
    expect(await holdOf(conn.db, caseId, t0)).toMatchObject({
      holderId: first.id,
      holderEmail: first.email,
      until: minutes(env.CASE_HOLD_MINUTES, t0),
    });
    expect((await holdsOf(conn.db, [caseId], t0)).get(caseId)).toBe(first.email);

    await expect(holdCase(conn.db, second, { caseId }, minutes(1, t0))).rejects.toMatchObject({
      code: "conflict",
      detail: { reason: "held_by_other" },
    });
    await holdCase(conn.db, second, { caseId, takeOver: true }, minutes(2, t0));
    expect(await holdOf(conn.db, caseId, minutes(2, t0))).toMatchObject({ holderId: second.id });
    expect(await audited(caseId, "case.hold")).toEqual([{ actorId: first.id, details: {} }]);
    expect(await audited(caseId, "case.hold_takeover")).toMatchObject([
      { actorId: second.id, details: { from: first.id } },
    ]);
  });

  it("keeps its start while its holder acts, and lapses after the set minutes without", async () => {
    const { caseId } = await report(conn.db);
    const t0 = new Date();
    await holdCase(conn.db, first, { caseId }, t0);
    await holdCase(conn.db, first, { caseId }, minutes(10, t0));
    const held = await holdOf(conn.db, caseId, minutes(20, t0));
    expect(held).toMatchObject({ since: t0, until: minutes(10 + env.CASE_HOLD_MINUTES, t0) });

    // A row with a time: whatever restarted meanwhile, it is over once the minutes pass.
    const after = minutes(10 + env.CASE_HOLD_MINUTES + 1, t0);
    expect(await holdOf(conn.db, caseId, after)).toBeNull();
    expect((await holdsOf(conn.db, [caseId], after)).size).toBe(0);
    await holdCase(conn.db, second, { caseId }, after);
    expect(await holdOf(conn.db, caseId, after)).toMatchObject({
      holderId: second.id,
      since: after,
    });
    expect(await audited(caseId, "case.hold_takeover")).toEqual([]);
  });

  it("is released by its holder or a publisher, not by another moderator", async () => {
    const { caseId } = await report(conn.db);
    await holdCase(conn.db, first, { caseId });
    await expect(releaseHold(conn.db, second, { caseId })).rejects.toMatchObject({
      code: "forbidden",
      detail: { reason: "release_not_yours" },
    });
    await releaseHold(conn.db, publisher, { caseId });
    expect(await holdOf(conn.db, caseId)).toBeNull();
    expect(await audited(caseId, "case.hold_release")).toMatchObject([
      { actorId: publisher.id, details: { holderId: first.id } },
    ]);

    await holdCase(conn.db, second, { caseId });
    await releaseHold(conn.db, second, { caseId });
    expect(await holdOf(conn.db, caseId)).toBeNull();
  });
});

describe("bulk actions and holds", () => {
  it("refuses a bulk action over a case another member holds, not over one's own", async () => {
    const { caseId } = await report(conn.db);
    const t0 = new Date();
    await holdCase(conn.db, first, { caseId }, t0);
    await expect(refuseHeldByOthers(conn.db, second, [caseId], t0)).rejects.toMatchObject({
      detail: { reason: "held_by_other" },
    });
    await expect(refuseHeldByOthers(conn.db, first, [caseId], t0)).resolves.toBeUndefined();
    // A lapsed hold stops nobody.
    await expect(
      refuseHeldByOthers(conn.db, second, [caseId], minutes(env.CASE_HOLD_MINUTES + 1, t0)),
    ).resolves.toBeUndefined();
  });
});
