import { describe, expect, it } from "vitest";
import { yearMonthIn } from "./calendar";

describe("yearMonthIn", () => {
  it("puts New Year's Eve in the year of the configured zone", () => {
    const t = new Date("2024-12-31T23:30:00Z");
    expect(yearMonthIn(t, "UTC")).toEqual({ year: 2024, month: 12 });
    expect(yearMonthIn(t, "Africa/Casablanca")).toEqual({ year: 2025, month: 1 });
    expect(yearMonthIn(t, "America/New_York")).toEqual({ year: 2024, month: 12 });
  });
});
