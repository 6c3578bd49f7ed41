import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import type { YearFigures } from "@/lib/stats/figures";
import { numbers } from "@/lib/i18n/numbers";
import { BarChart } from "./bar-chart";

type Detail = Awaited<ReturnType<typeof import("@/lib/stats/figures").getYearDetail>>;

/** Year against the year before, the series by year and by month, and the breakdowns. */
/**
 * `period`, for a year in progress: the comparison table and its change are over the same
 * months of both years (`period.years`, January to `period.label`'s month), not a part of a
 * year against a whole one.
 */
export async function FiguresView({
  locale,
  years,
  focus,
  detail,
  summary,
  period,
}: {
  locale: Locale;
  years: YearFigures[];
  focus: number;
  detail: Detail;
  summary: string;
  period?: { years: YearFigures[]; label: string };
}) {
  const t = await getTranslations({ locale, namespace: "stats" });
  const tc = await getTranslations({ locale, namespace: "categories" });
  const tp = await getTranslations({ locale, namespace: "platforms" });
  const fmt = numbers(locale);
  const compared = period?.years ?? years;
  const cur = compared.find((y) => y.year === focus);
  const prev = compared.find((y) => y.year === focus - 1);
  const n = (v: number | null | undefined) => (v === null || v === undefined ? "—" : fmt.n(v));
  const rows: [string, string, (y?: YearFigures) => number | null | undefined][] = [
    ["debunkTotal", "total", (y) => y?.statements.total],
    ["denial", "denial", (y) => y?.statements.denial],
    ["truth", "truth", (y) => y?.statements.truth],
    ["withdrawn", "withdrawn", (y) => y?.withdrawn],
    ["communique", "communique", (y) => y?.statements.communique],
    ["violent", "violent", (y) => y?.violentContentDetected],
    ["referrals", "referrals", (y) => y?.judicialReferrals],
    ["reports", "reports", (y) => y?.reportsReceived],
    ["withImages", "with-images", (y) => y?.reportsWithImages],
    ["joinedByImage", "joined-by-image", (y) => y?.reportsJoinedByImage],
    ["answeredAtIntake", "answered-at-intake", (y) => y?.reportsAnsweredAtIntake],
    ["cases", "cases", (y) => y?.casesOpened],
  ];
  // Month names from the message files: Moroccan Arabic names (يناير … غشت … دجنبر), as the
  // police's own documents write them, not the Levantine or Egyptian ones Intl gives.
  const months = t("monthNames").split(",");
  const bars = (labels: string[], values: number[]) =>
    labels.map((label, i) => ({ label, value: values[i] ?? 0, shown: fmt.n(values[i] ?? 0) }));
  return (
    <div className="space-y-6">
      {summary ? (
        <section
          aria-labelledby="summary-heading"
          className="rounded-xl border-s-4 border-brand-600 bg-white p-4 shadow-sm"
        >
          <h2 id="summary-heading" className="mb-2 font-semibold">
            {t("summaryTitle")}
          </h2>
          <p data-testid="stats-summary" className="leading-loose">
            {summary}
          </p>
        </section>
      ) : null}
      {period ? (
        <p data-testid="stats-period" className="rounded-lg bg-amber-50 p-3 text-sm">
          {period.label}
        </p>
      ) : null}
      {/* Scrolls sideways on a narrow screen: a focusable, named region, so keyboards can too. */}
      <div
        role="region"
        aria-label={t("vs", { current: focus, previous: focus - 1 })}
        tabIndex={0}
        className="overflow-x-auto rounded-xl bg-white shadow-sm"
      >
        <table className="w-full text-sm" data-testid="stats-compare">
          <thead className="bg-brand-50">
            <tr>
              <th scope="col" className="p-2 text-start">
                {t("figure")}
              </th>
              <th scope="col" className="p-2 text-end">
                {focus}
                {cur?.source === "imported" ? ` (${t("imported")})` : ""}
              </th>
              <th scope="col" className="p-2 text-end">
                {focus - 1}
                {prev?.source === "imported" ? ` (${t("imported")})` : ""}
              </th>
              <th scope="col" className="p-2 text-end">
                {t("change")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, key, get]) => {
              const a = get(cur);
              const b = get(prev);
              const diff =
                a !== null && a !== undefined && b !== null && b !== undefined ? a - b : null;
              return (
                <tr key={key} className="border-t border-gray-100" data-testid={`row-${key}`}>
                  <th scope="row" className="p-2 text-start font-normal">
                    {t(label as "denial")}
                  </th>
                  <td
                    className="p-2 text-end font-semibold tabular-nums"
                    data-testid={`cur-${key}`}
                  >
                    {n(a)}
                  </td>
                  <td className="p-2 text-end tabular-nums" data-testid={`prev-${key}`}>
                    {n(b)}
                  </td>
                  <td className="p-2 text-end tabular-nums" data-testid={`change-${key}`}>
                    {diff === null ? "—" : fmt.signed(diff)}
                    {key === "total" && cur?.debunkChange?.percent !== null && cur?.debunkChange
                      ? ` (${fmt.signedPercent(cur.debunkChange.percent)})`
                      : ""}
                  </td>
                </tr>
              );
            })}
            <tr className="border-t border-gray-100">
              <th scope="row" className="p-2 text-start font-normal">
                {t("joined")}
              </th>
              <td className="p-2 text-end tabular-nums">
                {cur?.joinedExistingShare === null || cur === undefined
                  ? "—"
                  : fmt.percent(cur.joinedExistingShare)}
              </td>
              <td className="p-2 text-end tabular-nums">
                {prev?.joinedExistingShare === null || prev === undefined
                  ? "—"
                  : fmt.percent(prev.joinedExistingShare)}
              </td>
              <td />
            </tr>
            <tr className="border-t border-gray-100">
              <th scope="row" className="p-2 text-start font-normal">
                {t("median")}
              </th>
              <td className="p-2 text-end tabular-nums">
                {cur?.medianHoursToOutcome == null
                  ? "—"
                  : t("hours", { value: fmt.n(cur.medianHoursToOutcome) })}
              </td>
              <td className="p-2 text-end tabular-nums">
                {prev?.medianHoursToOutcome == null
                  ? "—"
                  : t("hours", { value: fmt.n(prev.medianHoursToOutcome) })}
              </td>
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      {years.some((y) => y.source === "imported") ? (
        <p className="text-sm text-muted">{t("importedNote")}</p>
      ) : null}

      {/* Two charts a row on paper: the printed year fits two A4 pages. */}
      <div className="grid gap-6 print:grid-cols-2 print:gap-3">
        <BarChart
          id="by-year"
          title={t("byYear")}
          rows={bars(
            years.map((y) => String(y.year)),
            years.map((y) => y.statements.total ?? 0),
          )}
          labelHeader={t("year")}
          valueHeader={t("count")}
        />
        <BarChart
          id="by-month"
          title={`${t("debunkTotal")} — ${t("byMonth", { year: focus })}`}
          rows={bars(months, detail.months.debunk)}
          labelHeader={t("month")}
          valueHeader={t("count")}
        />
        <BarChart
          id="violent-by-month"
          title={t("violentByMonth", { year: focus })}
          rows={bars(months, detail.months.violent)}
          labelHeader={t("month")}
          valueHeader={t("count")}
        />
        <BarChart
          id="by-platform"
          title={t("byPlatform", { year: focus })}
          rows={bars(
            detail.reportsBy.platform.map((p) => tp(p.key as "x")),
            detail.reportsBy.platform.map((p) => p.value),
          )}
          labelHeader={t("platform")}
          valueHeader={t("count")}
        />
        <BarChart
          id="by-category"
          title={t("byCategory", { year: focus })}
          rows={bars(
            detail.reportsBy.category.map((c) => tc(c.key as "violence")),
            detail.reportsBy.category.map((c) => c.value),
          )}
          labelHeader={t("category")}
          valueHeader={t("count")}
        />
      </div>
    </div>
  );
}
