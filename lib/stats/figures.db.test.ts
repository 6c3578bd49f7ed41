import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/staff";
import { DEMO_STAFF, seedIfEmpty } from "@/lib/demo/seed";
import { staffUsers } from "@/lib/db/schema";
import {
  createStatementDraft,
  publishStatement,
  submitStatement,
  updateStatement,
} from "@/lib/statements/lifecycle";
import { withTestDb } from "@/lib/testing/db";
import { report } from "@/lib/testing/fixtures";
import { eq } from "drizzle-orm";
import { getYearFigures } from "./figures";

const conn = withTestDb();

beforeAll(async () => {
  const started = Date.now();
  await seedIfEmpty(conn.db);
  console.log(`demo seed: ${Date.now() - started} ms`);
}, 300_000);

const actor = async (email: string) => {
  const [row] = await conn.db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(eq(staffUsers.email, email));
  return (await loadActor(conn.db, row.id)) as Actor;
};

describe("the demo history", () => {
  it("reproduces the published figures: 40 statements in 2024, 29 in 2025, 260 violent contents in 2025", async () => {
    const [y2024, y2025] = await getYearFigures(conn.db, 2024, 2025);
    expect(y2024.statements.total).toBe(40);
    expect(y2025.statements.total).toBe(29);
    expect(y2025.violentContentDetected).toBe(260);
    expect(y2025.debunkChange).toEqual({ absolute: -11, percent: -27.5 });
    expect(y2025.judicialReferrals).toBeGreaterThan(150);
    expect(y2025.judicialReferrals).toBeLessThanOrEqual(260);
    expect(y2025.reportsReceived).toBeGreaterThan(y2025.casesOpened!);
    expect(y2025.medianHoursToOutcome).toBeGreaterThan(0);
    expect(y2025.source).toBe("computed");
  });

  it("compares a year in progress with the same months of the year before, not the whole year", async () => {
    const [whole2024] = await getYearFigures(conn.db, 2024, 2024);
    const [through2024, through2025] = await getYearFigures(conn.db, 2024, 2025, 6);
    // January to June only: fewer than the whole year, and the change is against those months.
    expect(through2024.statements.total).toBeLessThan(whole2024.statements.total!);
    expect(through2025.statements.total).toBeLessThan(29);
    expect(through2025.debunkChange!.absolute).toBe(
      through2025.statements.total! - through2024.statements.total!,
    );
    const [december] = await getYearFigures(conn.db, 2025, 2025, 12);
    expect(december.statements.total).toBe(29);
  });

  it("counts one more published statement in 2025: 30", async () => {
    const [mod, pub] = [await actor(DEMO_STAFF[0].email), await actor(DEMO_STAFF[1].email)];
    const r = await report(
      conn.db,
      { urls: ["https://x.com/extra/status/1"] },
      { now: new Date("2025-06-01T10:00:00Z") },
    );
    const id = await createStatementDraft(conn.db, mod, { caseId: r.caseId, type: "truth" });
    await updateStatement(conn.db, mod, {
      id,
      content: {
        ar: {
          title: "بيان حقيقة",
          summary: "ملخص",
          body: "نص",
          claimReviewed: "ادعاء",
          verdict: "توضيح",
        },
      },
      appearances: [],
    });
    await submitStatement(conn.db, mod, { id });
    await publishStatement(conn.db, pub, { id }, new Date("2025-06-03T10:00:00Z"));
    const [y2025] = await getYearFigures(conn.db, 2025, 2025);
    expect(y2025.statements).toMatchObject({ truth: 12, total: 30 });
  });
});
