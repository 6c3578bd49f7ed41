"use server";

import type { ReportFormState } from "@/lib/http/action-state";
import { headers } from "next/headers";
import { ExpectedError } from "@/lib/errors";
import { isDbUnavailable } from "@/lib/http/db-errors";
import { logUnexpected } from "@/lib/http/log-error";
import { clientKey } from "@/lib/http/request";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";
import { reportFromFormData, reportSchema } from "@/lib/reports/schema";
import { receiveReport } from "@/lib/reports/receive";
import { imagesOfFormData, readImages } from "@/lib/image/upload";
import { toFieldErrors } from "@/lib/validation";

// What the citizen typed, echoed back so that a form posted without JavaScript is re-filled.
function typedValues(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fd.entries())
    if (typeof v === "string" && !k.startsWith("$")) out[k] = v.slice(0, 6000);
  return out;
}

export async function submitReportAction(
  _prev: ReportFormState,
  fd: FormData,
): Promise<ReportFormState> {
  const rawLocale = fd.get("locale");
  const locale = isLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE;
  const parsed = reportSchema.safeParse(reportFromFormData(fd));
  if (!parsed.success) {
    return {
      ok: false,
      code: "validation_failed",
      fieldErrors: toFieldErrors(parsed.error.issues),
      values: typedValues(fd),
    };
  }
  const key = fd.get("idempotencyKey");
  try {
    let images;
    try {
      images = await readImages(await imagesOfFormData(fd));
    } catch (error) {
      const reason = error instanceof ExpectedError ? error.detail?.reason : undefined;
      if (!reason?.startsWith("image_")) throw error;
      return {
        ok: false,
        code: "validation_failed",
        fieldErrors: { images: `imageErrors.${reason}` },
        values: typedValues(fd),
      };
    }
    const { receipt, submittedAt, answer } = await receiveReport(parsed.data, {
      images,
      locale,
      client: clientKey(await headers()),
      idempotencyKey:
        typeof key === "string" && key.length > 0 && key.length <= 128 ? key : undefined,
    });
    return { ok: true, data: { receipt, submittedAt, ...(answer ? { answer } : {}) } };
  } catch (error) {
    const values = typedValues(fd);
    if (error instanceof ExpectedError)
      return { ok: false, code: error.code, retryAfter: error.detail?.retryAfter, values };
    if (isDbUnavailable(error)) return { ok: false, code: "service_unavailable", values };
    logUnexpected("report action", error);
    return { ok: false, code: "internal_error", values };
  }
}
