import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { ReportForm } from "@/components/report/report-form";
import { pickMessages } from "@/lib/i18n/pick";
import { submitReportAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("reportTitle") };
}

export default async function ReportPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickMessages(messages, ["report", "validation", "categories", "platforms", "apiErrors"])}>
      <ReportForm action={submitReportAction} />
    </NextIntlClientProvider>
  );
}
