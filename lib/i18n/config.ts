import { LOCALES } from "@/lib/vocabulary";

export { LOCALES };
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ar";

export const isLocale = (v: unknown): v is Locale =>
  typeof v === "string" && (LOCALES as readonly string[]).includes(v);
/** The locale a form posted (a hidden `locale` field), or the default. */
export const localeOf = (fd: FormData): Locale => {
  const l = fd.get("locale");
  return isLocale(l) ? l : DEFAULT_LOCALE;
};
export const dirOf = (locale: Locale) => (locale === "ar" ? "rtl" : "ltr");

/** Best supported locale for an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.split("-")[0], q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(isLocale) ?? DEFAULT_LOCALE;
}

/** Dates shown to citizens and staff are in the force's time zone, whatever the device says. */
export const TIME_ZONE = "Africa/Casablanca";
