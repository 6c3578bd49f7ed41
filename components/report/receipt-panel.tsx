"use client";

import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { LocaleLink as Link } from "@/components/ui/locale-link";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { Translate } from "@/lib/i18n/client-strings";
import { TIME_ZONE } from "@/lib/i18n/config";
import type { IntakeAnswer } from "@/lib/statements/schema";
import { clearDraft, keepReceipt } from "./draft";

// Most receipts have no statement to show: its box loads only when one does.
const AnswerBox = lazy(() => import("./answer-box"));
// Keeps the receipt on this device for /track, and says so (with JavaScript only).
const KeptNotice = lazy(() => import("./kept-notice"));

type Props = {
  receipt: string;
  submittedAt: string;
  /** A published statement already answers what was reported. */
  answer?: IntakeAnswer;
  locale: string;
  t: Translate;
};

export default function ReceiptPanel({
  receipt,
  submittedAt,
  answer,
  locale,
  t: translate,
}: Props) {
  const t: Translate = (key, values) => translate(`report.${key}`, values);
  const submitted = new Intl.DateTimeFormat(locale, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(new Date(submittedAt));
  const heading = useRef<HTMLHeadingElement>(null);
  const interactive = useHydrated();
  const [copied, setCopied] = useState(false);
  const [written, setWritten] = useState(false);

  useEffect(() => {
    clearDraft();
    heading.current?.focus();
  }, []);
  // Until the citizen says the code is written down: kept for this tab, and leaving the page
  // (reload, closing the tab, another site) asks first.
  useEffect(() => {
    if (written) return keepReceipt(null);
    keepReceipt({ receipt, submittedAt, answer });
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [written, receipt, submittedAt, answer]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(receipt);
      setCopied(true);
    } catch {
      // Clipboard refused (insecure context): the code is still on screen, selectable.
    }
  }

  return (
    <section
      aria-labelledby="receipt-heading"
      className="space-y-5 rounded-xl bg-white p-5 shadow-sm"
      data-testid="receipt-panel"
    >
      <h1
        id="receipt-heading"
        ref={heading}
        tabIndex={-1}
        className="text-2xl font-bold text-brand-800"
      >
        {t("successHeading")}
      </h1>
      <p>{t("successIntro")}</p>
      {answer ? (
        <Suspense fallback={null}>
          <AnswerBox answer={answer} t={t} />
        </Suspense>
      ) : null}
      <div className="rounded-lg border-2 border-dashed border-brand-600 bg-brand-50 p-4 text-center">
        <p className="text-sm text-muted">{t("receiptLabel")}</p>
        <p
          data-testid="receipt"
          dir="ltr"
          className="select-all font-mono text-2xl font-bold tracking-widest sm:text-3xl"
        >
          {receipt}
        </p>
        <p className="mt-2 text-sm text-muted">{t("submittedAt", { date: submitted })}</p>
        {interactive ? (
          <p data-testid="receipt-print-address" className="mt-2 hidden text-sm print:block">
            {t("printedFrom", {
              date: new Intl.DateTimeFormat(locale, {
                dateStyle: "long",
                timeZone: TIME_ZONE,
              }).format(new Date()),
            })}{" "}
            <bdi dir="ltr">{`${window.location.origin}/${locale}/track`}</bdi>
          </p>
        ) : null}
      </div>
      <p className="text-sm">{t("keepNotice")}</p>
      {interactive ? (
        <Suspense fallback={null}>
          <KeptNotice receipt={receipt} submittedAt={submittedAt} t={t} />
        </Suspense>
      ) : null}
      {interactive ? (
        <div className="no-print flex flex-wrap gap-3">
          <button
            type="button"
            onClick={copy}
            className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {copied ? t("copied") : t("copy")}
          </button>
          <button
            type="button"
            onClick={() => window.print()}
            className="rounded-lg border-2 border-brand-700 px-4 py-2 font-semibold text-brand-800"
          >
            {t("print")}
          </button>
          <span aria-live="polite" className="sr-only">
            {copied ? t("copied") : ""}
          </span>
        </div>
      ) : null}
      {interactive ? (
        <label className="no-print flex cursor-pointer items-start gap-3 rounded-lg bg-brand-50 p-3">
          <input
            type="checkbox"
            data-testid="receipt-written"
            checked={written}
            onChange={(e) => setWritten(e.target.checked)}
            className="mt-1 size-5 shrink-0 accent-brand-700"
          />
          <span>{t("writtenDown")}</span>
        </label>
      ) : null}
      <div className="no-print flex flex-wrap gap-4">
        <Link locale={locale} href="/track" className="font-semibold text-brand-700 underline">
          {t("trackLink")}
        </Link>
        <a
          href={`/${locale}/report`}
          onClick={() => keepReceipt(null)}
          className="text-brand-700 underline"
        >
          {t("another")}
        </a>
      </div>
    </section>
  );
}
