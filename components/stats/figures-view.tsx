import { getFormatter, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import type { YearFigures } from "@/lib/stats/figures";
import { BarChart } from "./bar-chart";

type Detail = Awaited<ReturnType<typeof import("@/lib/stats/figures").getYearDetail>>;

/** Year against the year before, the series by year and by month, and the breakdowns. */
export async function FiguresView({ locale, years, focus, detail, summary }: { locale: Locale; years: YearFigures[]; focus: number; detail: Detail; summary: string }) {
  const t = await getTranslations({ locale, namespace: "stats" });
  const tc = await getTranslations({ locale, namespace: "categories" });
  const tp = await getTranslations({ locale, namespace: "platforms" });
  const format = await getFormatter({ locale });
  const cur = years.find((y) => y.year === focus);
  const prev = years.find((y) => y.year === focus - 1);
  const n = (v: number | null | undefined) => (v === null || v === undefined ? "—" : format.number(v));
  const rows: [string, string, (y?: YearFigures) => number | null | undefined][] = [
    ["debunkTotal", "total", (y) => y?.statements.total],
    ["denial", "denial", (y) => y?.statements.denial],
    ["truth", "truth", (y) => y?.statements.truth],
    ["withdrawn", "withdrawn", (y) => y?.withdrawn],
    ["communique", "communique", (y) => y?.statements.communique],
    ["violent", "violent", (y) => y?.violentContentDetected],
    ["referrals", "referrals", (y) => y?.judicialReferrals],
    ["reports", "reports", (y) => y?.reportsReceived],
    ["cases", "cases", (y) => y?.casesOpened],
  ];
  const months = Array.from({ length: 12 }, (_, i) => format.dateTime(new Date(Date.UTC(2001, i, 15)), { month: "short", timeZone: "UTC" }));
  return (
    <div className="space-y-6">
      {summary ? (
        <section aria-labelledby="summary-heading" className="rounded-xl border-s-4 border-brand-600 bg-white p-4 shadow-sm">
          <h2 id="summary-heading" className="mb-2 font-semibold">{t("summaryTitle")}</h2>
          <p data-testid="stats-summary" className="leading-loose">{summary}</p>
        </section>
      ) : null}
      {/* Scrolls sideways on a narrow screen: a focusable, named region, so keyboards can too. */}
      <div role="region" aria-label={t("vs", { current: focus, previous: focus - 1 })} tabIndex={0} className="overflow-x-auto rounded-xl bg-white shadow-sm">
        <table className="w-full text-sm" data-testid="stats-compare">
          <thead className="bg-brand-50">
            <tr>
              <th scope="col" className="p-2 text-start">{t("metric")}</th>
              <th scope="col" className="p-2 text-end">{focus}{cur?.source === "imported" ? ` (${t("imported")})` : ""}</th>
              <th scope="col" className="p-2 text-end">{focus - 1}{prev?.source === "imported" ? ` (${t("imported")})` : ""}</th>
              <th scope="col" className="p-2 text-end">{t("change")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, key, get]) => {
              const a = get(cur);
              const b = get(prev);
              const diff = a !== null && a !== undefined && b !== null && b !== undefined ? a - b : null;
              return (
                <tr key={key} className="border-t border-gray-100" data-testid={`row-${key}`}>
                  <th scope="row" className="p-2 text-start font-normal">{t(label as "denial")}</th>
                  <td className="p-2 text-end font-semibold tabular-nums" data-testid={`cur-${key}`}>{n(a)}</td>
                  <td className="p-2 text-end tabular-nums" data-testid={`prev-${key}`}>{n(b)}</td>
                  <td className="p-2 text-end tabular-nums" dir="ltr">
                    {diff === null ? "—" : `${diff > 0 ? "+" : ""}${format.number(diff)}`}
                    {key === "total" && cur?.debunkChange?.percent !== null && cur?.debunkChange ? ` (${cur.debunkChange.percent > 0 ? "+" : ""}${format.number(cur.debunkChange.percent)}%)` : ""}
                  </td>
                </tr>
              );
            })}
            <tr className="border-t border-gray-100">
              <th scope="row" className="p-2 text-start font-normal">{t("joined")}</th>
              <td className="p-2 text-end tabular-nums">{cur?.joinedExistingShare === null || cur === undefined ? "—" : `${format.number(cur.joinedExistingShare)}%`}</td>
              <td className="p-2 text-end tabular-nums">{prev?.joinedExistingShare === null || prev === undefined ? "—" : `${format.number(prev.joinedExistingShare)}%`}</td>
              <td />
            </tr>
            <tr className="border-t border-gray-100">
              <th scope="row" className="p-2 text-start font-normal">{t("median")}</th>
              <td className="p-2 text-end tabular-nums">{cur?.medianHoursToOutcome == null ? "—" : t("hours", { value: format.number(cur.medianHoursToOutcome) })}</td>
              <td className="p-2 text-end tabular-nums">{prev?.medianHoursToOutcome == null ? "—" : t("hours", { value: format.number(prev.medianHoursToOutcome) })}</td>
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      {years.some((y) => y.source === "imported") ? <p className="text-sm text-muted">{t("importedNote")}</p> : null}

      <BarChart id="by-year" title={t("byYear")} labels={years.map((y) => String(y.year))} values={years.map((y) => y.statements.total ?? 0)} labelHeader={t("year")} valueHeader={t("count")} />
      <BarChart id="by-month" title={`${t("debunkTotal")} — ${t("byMonth", { year: focus })}`} labels={months} values={detail.months.debunk} labelHeader={t("month")} valueHeader={t("count")} />
      <BarChart id="violent-by-month" title={t("violentByMonth", { year: focus })} labels={months} values={detail.months.violent} labelHeader={t("month")} valueHeader={t("count")} />
      <BarChart id="by-platform" title={t("byPlatform", { year: focus })} labels={detail.reportsBy.platform.map((p) => tp(p.key as "x"))} values={detail.reportsBy.platform.map((p) => p.value)} labelHeader={t("metric")} valueHeader={t("count")} />
      <BarChart id="by-category" title={t("byCategory", { year: focus })} labels={detail.reportsBy.category.map((c) => tc(c.key as "violence"))} values={detail.reportsBy.category.map((c) => c.value)} labelHeader={t("metric")} valueHeader={t("count")} />
    </div>
  );
}
