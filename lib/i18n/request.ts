import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { TIME_ZONE } from "./config";
import { routing } from "./routing";

export default getRequestConfig(async ({ locale: explicit, requestLocale }) => {
  // An explicit locale (getTranslations({ locale })) is used as it is; the segment's is read only
  // without one. Reading a segment that is no language at all (`/..%2f/…`) throws: the page
  // being shown then is the 404, which names its own language.
  const requested = explicit ?? (await requestLocale.catch(() => undefined));
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    timeZone: TIME_ZONE,
  };
});
