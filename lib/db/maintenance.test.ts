import { describe, expect, it } from "vitest";
import { maintenanceWarnings } from "./maintenance";

describe("start-up warnings about a server that will not maintain itself", () => {
  it("says nothing when autovacuum runs", () => {
    expect(maintenanceWarnings({ autovacuum: "on", trackCounts: "on" })).toEqual([]);
  });

  it("warns when autovacuum is off", () => {
    const warnings = maintenanceWarnings({ autovacuum: "off", trackCounts: "on" });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^autovacuum is off/);
  });

  it("warns twice when the row counters autovacuum reads are off, even with autovacuum on", () => {
    const warnings = maintenanceWarnings({ autovacuum: "on", trackCounts: "off" });
    expect(warnings.map((w) => w.split(":")[0])).toEqual([
      "track_counts is off",
      "autovacuum cannot run",
    ]);
  });
});
