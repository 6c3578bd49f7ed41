import type { YearFigures } from "./figures";

export const CSV_COLUMNS = [
  "year",
  "source",
  "denial",
  "truth",
  "total",
  "communique",
  "debunkChangeAbsolute",
  "debunkChangePercent",
  "violentContentDetected",
  "judicialReferrals",
  "reportsReceived",
  "casesOpened",
  "medianHoursToOutcome",
  "reportsWithImages",
  "reportsJoinedByImage",
  "reportsAnsweredAtIntake",
] as const;

/** The JSON figures as CSV (RFC 4180), one row a year, the same numbers. */
export function figuresToCsv(years: YearFigures[]): string {
  const cell = (v: string | number | null | undefined) =>
    v === null || v === undefined
      ? ""
      : /[",\n]/.test(String(v))
        ? `"${String(v).replace(/"/g, '""')}"`
        : String(v);
  const rows = years.map((y) =>
    [
      y.year,
      y.source,
      y.statements.denial,
      y.statements.truth,
      y.statements.total,
      y.statements.communique,
      y.debunkChange?.absolute,
      y.debunkChange?.percent,
      y.violentContentDetected,
      y.judicialReferrals,
      y.reportsReceived,
      y.casesOpened,
      y.medianHoursToOutcome,
      y.reportsWithImages,
      y.reportsJoinedByImage,
      y.reportsAnsweredAtIntake,
    ]
      .map(cell)
      .join(","),
  );
  return [CSV_COLUMNS.join(","), ...rows].join("\r\n") + "\r\n";
}
