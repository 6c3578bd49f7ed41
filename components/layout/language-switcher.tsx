"use client";

import { usePathname } from "next/navigation";
import type { Locale } from "@/lib/i18n/config";

// Plain links (not a select), so switching works without JavaScript and keeps the page. It
// uses Next's pathname rather than next-intl's, so pages without forms ship no i18n runtime.
export function LanguageSwitcher({
  label,
  current,
  languages,
}: {
  label: string;
  current: Locale;
  languages: { locale: Locale; name: string }[];
}) {
  const rest = (usePathname() ?? `/${current}`).replace(/^\/[a-z]{2}(?=\/|$)/, "");
  return (
    <nav aria-label={label}>
      <ul className="flex gap-1 text-sm">
        {languages.map(({ locale, name }) => (
          <li key={locale}>
            <a
              href={`/${locale}${rest}`}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
              className={`inline-block rounded px-2 py-1 ${locale === current ? "bg-white font-semibold text-brand-800" : "hover:bg-brand-700"}`}
            >
              {name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
