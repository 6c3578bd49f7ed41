import "@fontsource-variable/noto-sans-arabic/wght.css";
import "@fontsource-variable/noto-sans/wght.css";
import "../globals.css";
import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { dirOf, LOCALES } from "@/lib/i18n/config";
import { routing } from "@/lib/i18n/routing";

// The installable app's worker (lib/pwa/service-worker.ts), registered once the page has loaded
// so it never competes with the page's own files. Not in development: it would keep old builds.
const REGISTER_WORKER =
  '"serviceWorker" in navigator && addEventListener("load", function () { navigator.serviceWorker.register("/sw.js").catch(function () {}); });';

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b5541" };

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    title: { default: t("homeTitle"), template: `%s — ${t("siteName")}` },
    description: t("homeDescription"),
    alternates: { languages: Object.fromEntries(LOCALES.map((l) => [l, `/${l}`])) },
    manifest: `/${locale}/manifest.webmanifest`,
    icons: { apple: "/icons/192.png" },
  };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "nav" });

  return (
    <html lang={locale} dir={dirOf(locale)}>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        {/* No global NextIntlClientProvider: pages with client forms provide the few messages they use. */}
        {children}
        {process.env.NODE_ENV === "production" ? (
          <script dangerouslySetInnerHTML={{ __html: REGISTER_WORKER }} />
        ) : null}
      </body>
    </html>
  );
}
