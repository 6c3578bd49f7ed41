"use client";

import { useParams } from "next/navigation";
import { useEffect } from "react";
import { LocaleLink as Link } from "@/components/ui/locale-link";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/config";
import ar from "@/lib/i18n/messages/page-error/ar.json";
import en from "@/lib/i18n/messages/page-error/en.json";
import fr from "@/lib/i18n/messages/page-error/fr.json";

// An error boundary gets no props from the server: its strings ship with it, on every page, so
// they have message files of their own (the bundler would ship a whole JSON file it imports).
const STRINGS = { ar, fr, en };

/**
 * What a page that failed on the server shows instead of the framework's English error: most
 * often the database is busy or down. The layout around it still renders; reporting still works
 * (the form is static and keeps the draft when sending fails).
 */
export function PageError({
  error,
  retry,
  staff = false,
}: {
  error: Error & { digest?: string };
  retry: () => void;
  staff?: boolean;
}) {
  const params = useParams<{ locale?: string }>();
  useEffect(() => console.error(error), [error]);
  return (
    <PageErrorView
      locale={params?.locale && isLocale(params.locale) ? params.locale : DEFAULT_LOCALE}
      retry={retry}
      staff={staff}
    />
  );
}

export function PageErrorView({
  locale,
  retry,
  staff,
}: {
  locale: Locale;
  retry: () => void;
  staff: boolean;
}) {
  const t = STRINGS[locale];
  return (
    <div data-testid="page-error" className="space-y-3 rounded-xl bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p>{t.body}</p>
      {staff ? null : (
        <p>
          <Link locale={locale} href="/report" className="text-brand-700 underline">
            {t.report}
          </Link>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={retry}
          className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white"
        >
          {t.retry}
        </button>
        <Link locale={locale} href={staff ? "/moderation" : "/"} className="underline">
          {t.home}
        </Link>
      </div>
    </div>
  );
}
