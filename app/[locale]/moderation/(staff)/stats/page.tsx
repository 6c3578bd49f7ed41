import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeskDelaysView } from "@/components/stats/desk-delays";
import { FiguresView } from "@/components/stats/figures-view";
import { requireStaffPage } from "@/lib/auth/session";
import { getReadDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { yearMonthIn } from "@/lib/stats/calendar";
import { getDeskDelays } from "@/lib/stats/desk";
import { BASELINE_METRICS, getYearDetail, getYearFigures } from "@/lib/stats/figures";
import { summaryParagraph } from "@/lib/stats/summary";
import { openCaseAgeing, workloadByAssignee } from "@/lib/stats/workload";
import { baselineAction } from "./actions";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "stats" }))("staffTitle") };
}

const control = "rounded border border-slate-400 px-2 py-1.5";

export default async function StaffStatsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ baseline?: string }>;
}) {
  const { locale: raw } = await params;
  const locale = raw as Locale;
  const actor = await requireStaffPage(
    locale,
    ["moderator", "publisher", "admin"],
    `/${locale}/moderation/stats`,
  );
  const { baseline } = await searchParams;
  const db = await getReadDb();
  const { year } = yearMonthIn(new Date(), env.STATS_TIMEZONE);
  // Staff see live figures, not the public cache.
  const [years, detail, ageing, workload, delays] = await Promise.all([
    getYearFigures(db, year - 5, year),
    getYearDetail(db, year),
    openCaseAgeing(db),
    workloadByAssignee(db),
    getDeskDelays(db, year - 2, year),
  ]);
  const t = await getTranslations({ locale, namespace: "stats" });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("staffTitle")}</h1>
      <div className="grid gap-4 md:grid-cols-2">
        <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="ageing-heading">
          <h2 id="ageing-heading" className="mb-2 font-semibold">
            {t("ageing")}
          </h2>
          <table className="w-full text-sm" data-testid="ageing">
            <tbody>
              {(["d1", "d7", "d30", "older"] as const).map((b) => (
                <tr key={b} className="border-t border-slate-100">
                  <th scope="row" className="py-1 text-start font-normal">
                    {t(`ageBucket.${b}`)}
                  </th>
                  <td className="py-1 text-end tabular-nums">{ageing[b]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="workload-heading">
          <h2 id="workload-heading" className="mb-2 font-semibold">
            {t("workload")}
          </h2>
          <table className="w-full text-sm" data-testid="workload">
            <tbody>
              {workload.map((w) => (
                <tr key={w.email ?? "none"} className="border-t border-slate-100">
                  <th scope="row" className="py-1 text-start font-normal" dir="ltr">
                    {w.email ?? t("unassigned")}
                  </th>
                  <td className="py-1 text-end tabular-nums">{w.n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <FiguresView
        locale={locale}
        years={years}
        focus={year}
        detail={detail}
        summary={summaryParagraph(locale, years.at(-1)!, years.at(-2))}
      />
      <DeskDelaysView locale={locale} delays={delays} />
      {actor.roles.includes("admin") ? (
        <section
          className="space-y-3 rounded-lg bg-white p-4 shadow-sm"
          aria-labelledby="baseline-heading"
        >
          <h2 id="baseline-heading" className="font-semibold">
            {t("baselinesTitle")}
          </h2>
          {baseline ? (
            <p
              role="status"
              data-testid="baseline-result"
              className={baseline === "saved" ? "text-emerald-800" : "text-danger"}
            >
              {baseline === "saved"
                ? t("baselineSaved")
                : baseline === "refused"
                  ? t("baselineRefused")
                  : t("baselineInvalid")}
            </p>
          ) : null}
          <form action={baselineAction} className="flex flex-wrap items-end gap-2 text-sm">
            <input type="hidden" name="locale" value={locale} />
            <label className="flex flex-col">
              <span>{t("year")}</span>
              <input
                name="year"
                type="number"
                min={2000}
                max={year}
                required
                className={`${control} w-24`}
              />
            </label>
            <label className="flex flex-col">
              <span>{t("baselineMetric")}</span>
              <select name="metric" className={control} dir="ltr">
                {BASELINE_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col">
              <span>{t("baselineValue")}</span>
              <input name="value" type="number" min={0} required className={`${control} w-28`} />
            </label>
            <label className="flex flex-1 flex-col">
              <span>{t("baselineSource")}</span>
              <input name="source" required className={control} />
            </label>
            <label className="flex flex-1 flex-col">
              <span>{t("baselineNote")}</span>
              <input name="note" className={control} />
            </label>
            <button
              type="submit"
              className="rounded bg-slate-900 px-3 py-1.5 font-semibold text-white"
            >
              {t("baselineSave")}
            </button>
          </form>
        </section>
      ) : null}
    </div>
  );
}
