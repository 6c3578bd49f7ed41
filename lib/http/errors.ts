import "server-only";
import { NextResponse } from "next/server";
import { $ZodError } from "zod/v4/core";
import { ERROR_STATUS, ExpectedError, type ErrorCode } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translate";
import { issueKey, issuePath } from "@/lib/validation";
import { isDbUnavailable } from "./db-errors";
import en from "@/lib/i18n/messages/en.json";
import { logUnexpected } from "./log-error";

const IMAGE_REASONS = en.imageErrors;
type ImageReason = keyof typeof IMAGE_REASONS;

export interface ApiIssue {
  path: string;
  code: string;
  message: string;
}

/** The single mapping from failures to HTTP answers: status, code, localised message. */
export function errorResponse(error: unknown, locale: Locale): NextResponse {
  const t = translator(locale);
  const body = (
    code: ErrorCode | "internal_error",
    extra: Record<string, unknown> = {},
    values?: Record<string, number>,
  ) => ({
    error: code,
    message: t(`apiErrors.${code}`, values),
    ...extra,
  });

  // The core class: errors from zod and zod/mini schemas (the report form uses mini) alike.
  if (error instanceof $ZodError) {
    const issues: ApiIssue[] = error.issues.map((i) => {
      const key = issueKey(i);
      return {
        path: issuePath(i),
        code: key.replace(/^validation\./, ""),
        message: t(key as "validation.invalid"),
      };
    });
    return NextResponse.json(body("validation_failed", { issues }), { status: 400 });
  }
  if (error instanceof ExpectedError) {
    const retryAfter = error.detail?.retryAfter;
    const headers = retryAfter ? { "Retry-After": String(retryAfter) } : undefined;
    // A refused picture says which rule it broke, in the reader's language.
    const reason = error.detail?.reason;
    if (reason && reason in IMAGE_REASONS)
      return NextResponse.json(
        { error: error.code, reason, message: t(`imageErrors.${reason as ImageReason}`) },
        { status: ERROR_STATUS[error.code] },
      );
    return NextResponse.json(body(error.code, {}, { seconds: retryAfter ?? 0 }), {
      status: ERROR_STATUS[error.code],
      headers,
    });
  }
  if (isDbUnavailable(error)) {
    return NextResponse.json(body("service_unavailable"), {
      status: 503,
      headers: { "Retry-After": "5" },
    });
  }
  // A bug. Log the error, never the request (it may hold a reporter's contact details).
  logUnexpected("request", error);
  return NextResponse.json(body("internal_error"), { status: 500 });
}
