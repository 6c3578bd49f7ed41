import { getLocale, getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/ui/locale-link";
import { isLocale, type Locale } from "@/lib/i18n/config";

/** The language to say "not found" in; an address whose language part is not one (`/..%2f/…`) gets Arabic. */
export async function notFoundLocale(): Promise<Locale> {
  try {
    const raw = await getLocale();
    return isLocale(raw) ? raw : "ar";
  } catch {
    // next-intl refuses a language segment it cannot read, while this page renders.
    return "ar";
  }
}

/** What a wrong address shows, in the page's language. */
export async function NotFoundView({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "notFound" });
  return (
    <div data-testid="not-found" className="space-y-4">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <p>{t("intro")}</p>
      <p className="flex flex-wrap gap-4">
        <Link locale={locale} href="/" className="font-semibold text-brand-700 underline">
          {t("back")}
        </Link>
        <Link locale={locale} href="/statements" className="text-brand-700 underline">
          {t("statements")}
        </Link>
      </p>
    </div>
  );
}
