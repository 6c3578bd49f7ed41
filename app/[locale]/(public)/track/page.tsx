import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { TrackForm } from "@/components/track/track-form";
import { pickMessages } from "@/lib/i18n/pick";
import { trackAction } from "./actions";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("trackTitle") };
}

export default async function TrackPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const messages = await getMessages();
  return (
    <NextIntlClientProvider
      messages={pickMessages(messages, [
        "track",
        "statuses",
        "outcomes",
        "validation",
        "apiErrors",
        "punctuation",
      ])}
    >
      <TrackForm action={trackAction} />
    </NextIntlClientProvider>
  );
}
