import { randomBytes } from "node:crypto";
import type { Metadata } from "next";
import { connection } from "next/server";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { ReportForm } from "@/components/report/report-form";
import { flattenStrings, REPORT_FORM_NAMESPACES } from "@/lib/i18n/client-strings";
import { sharedToReport } from "@/lib/reports/shared";
import { submitReportAction } from "./actions";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("reportTitle") };
}

export default async function ReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  // From the share sheet (the manifest's share_target): title, text, url.
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  const shared = sharedToReport(await searchParams);
  setRequestLocale(locale);
  const strings = flattenStrings(await getMessages(), REPORT_FORM_NAMESPACES);
  // A retry key in the markup, fresh per visit (so the page is rendered per request): without
  // JavaScript, resubmitting the same page (a reload of the receipt) returns the same receipt.
  await connection();
  const idempotencyKey = randomBytes(16).toString("hex");
  return (
    <ReportForm
      action={submitReportAction}
      locale={locale}
      strings={strings}
      idempotencyKey={idempotencyKey}
      shared={shared}
    />
  );
}
