"use server";

import type { TrackFormState } from "@/lib/http/action-state";
import { headers } from "next/headers";
import { ExpectedError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/config";
import { isDbUnavailable } from "@/lib/http/db-errors";
import { logUnexpected } from "@/lib/http/log-error";
import { clientKey } from "@/lib/http/request";
import { lookUpReport } from "@/lib/reports/track";

export async function trackAction(_prev: TrackFormState, fd: FormData): Promise<TrackFormState> {
  const receipt = fd.get("receipt");
  const locale = fd.get("locale");
  if (typeof receipt !== "string" || receipt.trim() === "") {
    return {
      ok: false,
      code: "validation_failed",
      fieldErrors: { receipt: "validation.receiptRequired" },
    };
  }
  const typed = receipt.slice(0, 64);
  try {
    const data = await lookUpReport(
      typed,
      clientKey(await headers()),
      typeof locale === "string" && isLocale(locale) ? locale : undefined,
    );
    return { ok: true, data, receipt: typed };
  } catch (error) {
    if (error instanceof ExpectedError)
      return { ok: false, code: error.code, receipt: typed, retryAfter: error.detail?.retryAfter };
    if (isDbUnavailable(error)) return { ok: false, code: "service_unavailable", receipt: typed };
    logUnexpected("track action", error);
    return { ok: false, code: "internal_error", receipt: typed };
  }
}
