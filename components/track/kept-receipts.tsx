"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import {
  forgetAllOnDevice,
  forgetOnDevice,
  keptSnapshot,
  parseKept,
  subscribeKept,
} from "@/lib/receipts/kept";

type Status = {
  status: "received" | "in_review" | "closed";
  outcome?: string;
  statementUrl?: string;
};
type Looked = Status | "unknown" | "unavailable";

/**
 * The receipts this browser kept (lib/receipts/kept.ts), each with its current status, looked
 * up one by one through the tracking API; each can be removed, or all at once. Nothing shows
 * when none is kept, or without JavaScript (the form above still works).
 */
export function KeptReceipts() {
  const t = useTranslations();
  const format = useFormatter();
  const locale = useLocale();
  const raw = useSyncExternalStore(subscribeKept, keptSnapshot, () => "[]");
  const kept = useMemo(() => parseKept(raw), [raw]);
  const [looked, setLooked] = useState<Record<string, Looked>>({});

  // Each kept receipt is looked up once per visit, one after another (the tracking API is
  // rate-limited per client).
  const requested = useRef(new Set<string>());
  useEffect(() => {
    const pending = kept.filter((k) => !requested.current.has(k.receipt));
    for (const k of pending) requested.current.add(k.receipt);
    void (async () => {
      for (const { receipt } of pending) {
        let result: Looked;
        try {
          const res = await fetch("/api/v1/reports/track", {
            method: "POST",
            headers: { "content-type": "application/json", "accept-language": locale },
            body: JSON.stringify({ receipt }),
          });
          result =
            res.status === 200
              ? ((await res.json()) as Status)
              : res.status === 404
                ? "unknown"
                : "unavailable";
        } catch {
          result = "unavailable";
        }
        setLooked((l) => ({ ...l, [receipt]: result }));
      }
    })();
  }, [kept, locale]);

  if (kept.length === 0) return null;
  return (
    <section
      aria-labelledby="kept-heading"
      data-testid="kept-receipts"
      className="space-y-3 rounded-xl bg-white p-5 shadow-sm"
    >
      <h2 id="kept-heading" className="text-lg font-bold">
        {t("track.keptHeading")}
      </h2>
      <p className="text-sm text-muted">{t("track.keptIntro")}</p>
      <ul className="divide-y divide-gray-200">
        {kept.map(({ receipt, submittedAt }) => {
          const l = looked[receipt];
          return (
            <li key={receipt} data-testid="kept-receipt" className="space-y-1 py-3">
              {/* The code reads left to right, in line with the page's own side. */}
              <p className="font-mono font-bold tracking-wider">
                <bdi dir="ltr">{receipt}</bdi>
              </p>
              <p className="text-sm text-muted">
                {t("track.keptSentAt", {
                  date: format.dateTime(new Date(submittedAt), { dateStyle: "long" }),
                })}
              </p>
              <p
                aria-live="polite"
                data-testid="kept-status"
                data-status={typeof l === "object" ? l.status : l}
              >
                {l === undefined ? (
                  t("track.keptLoading")
                ) : l === "unknown" ? (
                  t("track.keptUnknown")
                ) : l === "unavailable" ? (
                  t("track.keptUnavailable")
                ) : (
                  <>
                    <strong className="text-brand-800">{t(`statuses.${l.status}`)}</strong>
                    {l.outcome ? <> · {t(`outcomes.${l.outcome}` as "outcomes.debunked")}</> : null}
                  </>
                )}
              </p>
              {typeof l === "object" && l.statementUrl ? (
                <a href={l.statementUrl} className="text-sm font-semibold text-brand-700 underline">
                  {t("track.statementLink")}
                </a>
              ) : null}
              <button
                type="button"
                onClick={() => forgetOnDevice(receipt)}
                className="block rounded border border-gray-400 px-2 py-1 text-sm"
              >
                {t("track.keptRemove")}
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        onClick={forgetAllOnDevice}
        className="rounded-lg border-2 border-danger px-3 py-1.5 text-sm font-semibold text-danger"
      >
        {t("track.keptForgetAll")}
      </button>
    </section>
  );
}
