import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { FiguresView } from "@/components/stats/figures-view";
import { LocaleLink as Link } from "@/components/ui/locale-link";
import { yearMonthIn } from "@/lib/stats/calendar";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { env } from "@/lib/env";
import { cachedYearDetail, cachedYearFigures } from "@/lib/stats/cache";
import { summaryParagraph } from "@/lib/stats/summary";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "stats" });
  return { title: t("title"), description: t("intro") };
}

export default async function StatsPage({ params }: { params: Promise<{ locale: string }> }) {
  await connection();
  const { locale: raw } = await params;
  const locale = (isLocale(raw) ? raw : "ar") as Locale;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "stats" });
  const { year: current, month } = yearMonthIn(new Date(), env.STATS_TIMEZONE);
  const years = await cachedYearFigures(current - 5, current);
  const detail = await cachedYearDetail(current);
  // A year in progress is compared over its complete months with the same months of the year
  // before (the roll-up counts by month); in January there is no complete month yet.
  const through = month - 1;
  const sameMonths = through > 0 ? await cachedYearFigures(current - 1, current, through) : null;
  const compared = sameMonths ?? years;
  const cur = compared.find((y) => y.year === current)!;
  const prev = compared.find((y) => y.year === current - 1);
  const lastDay = new Date(Date.UTC(current, through, 0)).getUTCDate();
  const period = sameMonths
    ? {
        years: sameMonths,
        label: t("period", {
          from: `1 ${t("monthNames").split(",")[0]}`,
          to: `${lastDay} ${t("monthNames").split(",")[through - 1]}`,
          current,
          previous: current - 1,
        }),
      }
    : undefined;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
        <p className="flex flex-wrap gap-4 text-sm">
          {[current - 1, current].map((y) => (
            <Link key={y} locale={locale} href={`/stats/${y}`} className="underline">
              {t("annual", { year: y })}
            </Link>
          ))}
          <a href={`/api/v1/stats.csv?from=${current - 5}&to=${current}`} className="underline">
            {t("download")} {t("csv")}
          </a>
          <a href={`/api/v1/stats?from=${current - 5}&to=${current}`} className="underline">
            {t("json")}
          </a>
        </p>
      </div>
      <FiguresView
        locale={locale}
        years={years}
        focus={current}
        detail={detail}
        summary={summaryParagraph(locale, cur, prev)}
        period={period}
      />
    </div>
  );
}
