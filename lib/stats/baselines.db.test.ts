import { describe, expect, it } from "vitest";
import { withTestDb } from "@/lib/testing/db";
import { report, staff } from "@/lib/testing/fixtures";
import { setBaseline } from "./baselines";
import { getYearFigures } from "./figures";

const conn = withTestDb();

describe("imported baselines", () => {
  it("show a year before the platform as imported, and feed the next year's change", async () => {
    const admin = await staff(conn.db, ["admin"]);
    await setBaseline(conn.db, admin, {
      year: 2023,
      metric: "debunk_total",
      value: 52,
      source: "Rapport annuel 2023",
    });
    await setBaseline(conn.db, admin, {
      year: 2023,
      metric: "violent_detected",
      value: 180,
      source: "Rapport annuel 2023",
    });
    await report(conn.db, {}, { now: new Date("2024-05-01T10:00:00Z") });
    const [y2023, y2024] = await getYearFigures(conn.db, 2023, 2024);
    expect(y2023).toMatchObject({
      source: "imported",
      statements: { total: 52, denial: null },
      violentContentDetected: 180,
      reportsReceived: null,
    });
    expect(y2024).toMatchObject({
      source: "computed",
      statements: { total: 0 },
      debunkChange: { absolute: -52, percent: -100 },
    });
  });

  it("never lets anyone type over a year with platform data, and only admins import", async () => {
    const admin = await staff(conn.db, ["admin"]);
    const mod = await staff(conn.db, ["moderator"]);
    await report(conn.db, {}, { now: new Date("2022-05-01T10:00:00Z") });
    await expect(
      setBaseline(conn.db, admin, { year: 2022, metric: "debunk_total", value: 10, source: "x" }),
    ).rejects.toMatchObject({ code: "conflict", detail: { reason: "computed_year" } });
    await expect(
      setBaseline(conn.db, mod, { year: 2019, metric: "debunk_total", value: 10, source: "x" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      setBaseline(conn.db, null, { year: 2019, metric: "debunk_total", value: 10, source: "x" }),
    ).rejects.toMatchObject({ code: "unauthorized" });
  });
});
