import { randomBytes } from "node:crypto";
import type { Metadata } from "next";
import { connection } from "next/server";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { ReportForm } from "@/components/report/report-form";
import { flattenStrings, REPORT_FORM_NAMESPACES } from "@/lib/i18n/client-strings";
import { sharedToReport } from "@/lib/reports/shared";
import { submitReportAction } from "./actions";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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
  // From the share sheet: title, text, url (no service worker), or the id of what the worker
  // holds (lib/pwa/service-worker.ts).
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  const query = await searchParams;
  const shared = sharedToReport(query);
  const sharedId =
    typeof query.shared === "string" && UUID.test(query.shared) ? query.shared : undefined;
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
      sharedId={sharedId}
    />
  );
}
