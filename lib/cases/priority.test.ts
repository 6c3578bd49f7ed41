import { describe, expect, it } from "vitest";
import { raisedPriority, SURGE_HIGH, SURGE_URGENT } from "./priority";

describe("raisedPriority", () => {
  it.each([
    ["normal", 1, "normal"],
    ["normal", SURGE_HIGH - 1, "normal"],
    ["normal", SURGE_HIGH, "high"],
    ["low", SURGE_HIGH, "high"],
    ["high", SURGE_URGENT, "urgent"],
    ["normal", SURGE_URGENT, "urgent"],
    ["urgent", 0, "urgent"],
    ["high", 1, "high"],
  ] as const)("%s with %i reports in the last hour → %s", (from, n, to) => {
    expect(raisedPriority(from, n)).toBe(to);
  });
});
