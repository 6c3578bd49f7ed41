import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { FiguresView } from "@/components/stats/figures-view";
import { PrintButton } from "@/components/stats/print-button";
import { env } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { cachedYearDetail, cachedYearFigures } from "@/lib/stats/cache";
import { summaryParagraph } from "@/lib/stats/summary";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string; year: string }>;
}): Promise<Metadata> {
  const { locale, year } = await params;
  const t = await getTranslations({ locale, namespace: "stats" });
  return { title: t("annualTitle", { year }) };
}

/** One year on A4 (two pages at most): the figures, the comparison, the summary (print stylesheet in globals.css). */
export default async function AnnualPage({
  params,
}: {
  params: Promise<{ locale: string; year: string }>;
}) {
  await connection();
  const { locale: raw, year: yearText } = await params;
  const year = Number(yearText);
  if (!isLocale(raw) || !/^\d{4}$/.test(yearText) || year < 2000 || year > 2100) notFound();
  const locale = raw as Locale;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "stats" });
  const format = await getFormatter({ locale });
  const years = await cachedYearFigures(year - 4, year);
  const detail = await cachedYearDetail(year);
  const cur = years.find((y) => y.year === year)!;
  const prev = years.find((y) => y.year === year - 1);
  return (
    <div className="annual space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold" data-testid="annual-title">
          {t("annualTitle", { year })}
        </h1>
        <PrintButton label={t("print")} />
      </div>
      <p data-testid="annual-org" className="font-semibold">
        {t("publishedBy", { org: env.ORG_NAME, year })}
      </p>
      <p className="text-sm text-muted">
        {t("generated", { date: format.dateTime(new Date(), { dateStyle: "long" }) })}
      </p>
      <FiguresView
        locale={locale}
        years={years}
        focus={year}
        detail={detail}
        summary={summaryParagraph(locale, cur, prev)}
      />
    </div>
  );
}
