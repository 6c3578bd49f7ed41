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
