import type { Locale } from "@/lib/i18n/config";
import { numbers } from "@/lib/i18n/numbers";
import { translator } from "@/lib/i18n/translate";
import type { YearFigures } from "./figures";

/**
 * The annual report's paragraph, written from the figures: the debunk count against the year
 * before, then the violent contents detected. Counted nouns agree in each language (Arabic:
 * one, two, 3–10, 11–99 and hundreds take different forms).
 */
export function summaryParagraph(
  locale: Locale,
  cur: YearFigures,
  prev?: YearFigures | null,
): string {
  const t = translator(locale);
  const { n: num } = numbers(locale);
  const count = (n: number) =>
    t("stats.summary.cases", { count: n }).replace(/\d+/, (d) => num(Number(d)));
  const parts: string[] = [];
  const current = cur.statements.total;
  const previous = prev?.statements.total ?? null;
  if (current !== null) {
    const base = { year: cur.year, previousYear: cur.year - 1, current: count(current) };
    if (previous === null) parts.push(t("stats.summary.alone", base));
    else if (current === previous)
      parts.push(t("stats.summary.same", { ...base, previous: count(previous) }));
    else {
      const percent = previous
        ? num(Math.abs(Math.round((1000 * (current - previous)) / previous) / 10))
        : "—";
      parts.push(
        t(current < previous ? "stats.summary.down" : "stats.summary.up", {
          ...base,
          previous: count(previous),
          percent,
        }),
      );
    }
  }
  if (cur.violentContentDetected !== null) {
    parts.push(
      t("stats.summary.violent", {
        count: cur.violentContentDetected,
        referred: num(cur.judicialReferrals ?? 0),
      }).replace(/\d+/, (d) => num(Number(d))),
    );
  }
  return parts.join(" ");
}
