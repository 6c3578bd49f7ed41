import { describe, expect, it } from "vitest";
import { figuresToCsv } from "./csv";
import type { YearFigures } from "./figures";

describe("figuresToCsv", () => {
  it("writes one row a year with the JSON's numbers, empty for unknown", () => {
    const y: YearFigures = {
      year: 2025,
      statements: { denial: 18, truth: 11, total: 29, communique: 7 },
      withdrawn: 0,
      debunkChange: { absolute: -11, percent: -27.5 },
      violentContentDetected: 260,
      judicialReferrals: 190,
      reportsReceived: 900,
      casesOpened: 400,
      reportsWithImages: 120,
      reportsJoinedByImage: 30,
      reportsAnsweredAtIntake: 12,
      joinedExistingShare: 55.6,
      medianHoursToOutcome: null,
      source: "computed",
    };
    expect(figuresToCsv([y])).toBe(
      "year,source,denial,truth,total,communique,debunkChangeAbsolute,debunkChangePercent,violentContentDetected,judicialReferrals,reportsReceived,casesOpened,medianHoursToOutcome,reportsWithImages,reportsJoinedByImage,reportsAnsweredAtIntake\r\n" +
        "2025,computed,18,11,29,7,-11,-27.5,260,190,900,400,,120,30,12\r\n",
    );
  });
});
