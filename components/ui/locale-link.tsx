import NextLink from "next/link";
import type { ComponentProps } from "react";
import type { Locale } from "@/lib/i18n/config";

/** A link inside the current locale. Plain next/link: no i18n runtime in the browser. */
export function LocaleLink({
  locale,
  href,
  ...props
}: Omit<ComponentProps<typeof NextLink>, "href"> & { locale: Locale | string; href: string }) {
  return <NextLink href={`/${locale}${href === "/" ? "" : href}`} {...props} />;
}
