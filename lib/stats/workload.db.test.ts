import { describe, expect, it } from "vitest";
import { assignCases } from "@/lib/cases/service";
import { withTestDb } from "@/lib/testing/db";
import { report, staff } from "@/lib/testing/fixtures";
import { openCaseAgeing, workloadByAssignee } from "./workload";

const conn = withTestDb();

describe("staff dashboard figures", () => {
  it("buckets open cases by age and counts them per assignee", async () => {
    const now = new Date("2026-06-30T12:00:00Z");
    const mod = await staff(conn.db, ["moderator"]);
    const a = await report(conn.db, {}, { now: new Date("2026-06-30T08:00:00Z") });
    await report(conn.db, {}, { now: new Date("2026-06-27T08:00:00Z") });
    await report(conn.db, {}, { now: new Date("2026-04-01T08:00:00Z") });
    await assignCases(conn.db, mod, { caseIds: [a.caseId], assigneeId: mod.id });
    expect(await openCaseAgeing(conn.db, now)).toEqual({ d1: 1, d7: 1, d30: 0, older: 1 });
    const load = await workloadByAssignee(conn.db);
    expect(load).toEqual(
      expect.arrayContaining([
        { email: mod.email, n: 1 },
        { email: null, n: 2 },
      ]),
    );
  });
});
