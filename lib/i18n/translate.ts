import { createTranslator } from "use-intl/core";
import { type Locale } from "./config";
import ar from "./messages/ar.json";
import en from "./messages/en.json";
import fr from "./messages/fr.json";

const MESSAGES = { ar, fr, en } as const;

/** Translator usable outside React (route handlers, API errors). */
export function translator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}

/** "label: " with the language's punctuation ("label : " with a non-breaking space in French). */
export function labelled(locale: string, label: string): string {
  return translator((locale in MESSAGES ? locale : "ar") as Locale)("punctuation.labelled", {
    label,
  });
}
