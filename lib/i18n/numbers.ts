import type { Locale } from "./config";

// One number format per language for every figure shown (summary, tables, charts, print):
// Western digits in Arabic as in the annual report, signs and percentages by Intl, so the minus
// and the percent sign sit where each language puts them.
const NUMBER_LOCALE: Record<Locale, string> = { ar: "ar-MA-u-nu-latn", fr: "fr-FR", en: "en-GB" };

export function numbers(locale: Locale) {
  const plain = new Intl.NumberFormat(NUMBER_LOCALE[locale], { maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(NUMBER_LOCALE[locale], {
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  });
  const percent = new Intl.NumberFormat(NUMBER_LOCALE[locale], {
    style: "percent",
    maximumFractionDigits: 1,
  });
  const signedPercent = new Intl.NumberFormat(NUMBER_LOCALE[locale], {
    style: "percent",
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  });
  return {
    n: (v: number) => plain.format(v),
    signed: (v: number) => signed.format(v),
    /** `v` in percent points: 33.8 → "33.8%" ("33,8 %" in French). */
    percent: (v: number) => percent.format(v / 100),
    signedPercent: (v: number) => signedPercent.format(v / 100),
  };
}
