"use client";

import type { Locale } from "@/lib/i18n/config";
import { Link, usePathname } from "@/lib/i18n/navigation";

// Plain links (not a select), so switching works without JavaScript and keeps the page.
export function LanguageSwitcher({ label, current, languages }: { label: string; current: Locale; languages: { locale: Locale; name: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="flex gap-1 text-sm">
        {languages.map(({ locale, name }) => (
          <li key={locale}>
            <Link
              href={pathname}
              locale={locale}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
              className={`inline-block rounded px-2 py-1 ${locale === current ? "bg-white font-semibold text-brand-800" : "hover:bg-brand-700"}`}
            >
              {name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
