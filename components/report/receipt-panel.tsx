"use client";

import { useEffect, useRef, useState } from "react";
import { LocaleLink as Link } from "@/components/ui/locale-link";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { Translate } from "@/lib/i18n/client-strings";
import { TIME_ZONE } from "@/lib/i18n/config";
import { clearDraft } from "./draft";

export function ReceiptPanel({ receipt, submittedAt, locale, t: translate }: { receipt: string; submittedAt: string; locale: string; t: Translate }) {
  const t: Translate = (key, values) => translate(`report.${key}`, values);
  const submitted = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE }).format(new Date(submittedAt));
  const heading = useRef<HTMLHeadingElement>(null);
  const interactive = useHydrated();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    clearDraft();
    heading.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(receipt);
      setCopied(true);
    } catch {
      // Clipboard refused (insecure context): the code is still on screen, selectable.
    }
  }

  return (
    <section aria-labelledby="receipt-heading" className="space-y-5 rounded-xl bg-white p-5 shadow-sm" data-testid="receipt-panel">
      <h1 id="receipt-heading" ref={heading} tabIndex={-1} className="text-2xl font-bold text-brand-800">
        {t("successHeading")}
      </h1>
      <p>{t("successIntro")}</p>
      <div className="rounded-lg border-2 border-dashed border-brand-600 bg-brand-50 p-4 text-center">
        <p className="text-sm text-muted">{t("receiptLabel")}</p>
        <p data-testid="receipt" dir="ltr" className="select-all font-mono text-2xl font-bold tracking-widest sm:text-3xl">
          {receipt}
        </p>
        <p className="mt-2 text-sm text-muted">{t("submittedAt", { date: submitted })}</p>
      </div>
      {interactive ? (
        <div className="no-print flex flex-wrap gap-3">
          <button type="button" onClick={copy} className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {copied ? t("copied") : t("copy")}
          </button>
          <button type="button" onClick={() => window.print()} className="rounded-lg border-2 border-brand-700 px-4 py-2 font-semibold text-brand-800">
            {t("print")}
          </button>
          <span aria-live="polite" className="sr-only">
            {copied ? t("copied") : ""}
          </span>
        </div>
      ) : null}
      <div className="no-print flex flex-wrap gap-4">
        <Link locale={locale} href="/track" className="font-semibold text-brand-700 underline">
          {t("trackLink")}
        </Link>
        <a href={`/${locale}/report`} className="text-brand-700 underline">
          {t("another")}
        </a>
      </div>
    </section>
  );
}
