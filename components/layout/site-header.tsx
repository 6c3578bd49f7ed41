import { getTranslations } from "next-intl/server";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { LocaleLink as Link } from "@/components/ui/locale-link";
import { LanguageSwitcher } from "./language-switcher";

const NAV_LABELS = {
  "/": "home",
  "/report": "report",
  "/track": "track",
  "/statements": "statements",
  "/stats": "stats",
} as const;
const LANGUAGE_NAMES: Record<Locale, string> = { ar: "العربية", fr: "Français", en: "English" };

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "nav" });
  const meta = await getTranslations({ locale, namespace: "meta" });
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link locale={locale} href="/" className="flex flex-col leading-tight no-underline">
          <span className="text-xl font-bold">{meta("siteName")}</span>
          <span className="text-xs text-brand-100">{meta("tagline")}</span>
        </Link>
        <LanguageSwitcher
          label={t("language")}
          current={locale}
          languages={LOCALES.map((l) => ({ locale: l, name: LANGUAGE_NAMES[l] }))}
        />
      </div>
      <nav aria-label={t("mainNav")} className="border-t border-brand-700">
        <ul className="mx-auto flex max-w-3xl flex-wrap gap-x-1 px-2 text-sm">
          {(["/", "/report", "/track", "/statements", "/stats"] as const).map((href) => (
            <li key={href}>
              <Link locale={locale} href={href} className="inline-block px-2 py-2 hover:underline">
                {t(NAV_LABELS[href])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
