import { z } from "zod";
import { canonicalizeUrl, PLATFORMS } from "@/lib/text/canonical-url";
import { stripControl } from "@/lib/text/normalize";

import { STATEMENT_STATUSES, STATEMENT_TYPES } from "@/lib/vocabulary";
import type { Locale } from "@/lib/i18n/config";

export { STATEMENT_STATUSES, STATEMENT_TYPES };
export type StatementType = (typeof STATEMENT_TYPES)[number];
/** The statements that answer a returning report at once: a verdict, not a communiqué. */
export const ANSWER_TYPES = ["denial", "truth"] as const satisfies readonly StatementType[];

/** What a receipt says when a published statement already answered the report. */
export interface IntakeAnswer {
  type: (typeof ANSWER_TYPES)[number];
  title: string;
  verdict: string;
  /** The statement's public page, in the reader's language when it has one. */
  url: string;
  lang: Locale;
}

const text = (max: number, min = 1) =>
  z.preprocess(
    (v) => (typeof v === "string" ? stripControl(v).normalize("NFC").trim() : v),
    z
      .string({ error: "validation.statementRequired" })
      .min(min, "validation.statementRequired")
      .max(max, "validation.statementTooLong"),
  );

export const localeContentSchema = z.object({
  title: text(200),
  summary: text(1000),
  body: text(20_000),
  claimReviewed: text(1000),
  verdict: text(80),
});

const blankLocale = (v: unknown) =>
  v &&
  typeof v === "object" &&
  Object.values(v as Record<string, unknown>).every((x) => typeof x !== "string" || x.trim() === "")
    ? undefined
    : v;

// Arabic is required; French and English are optional but complete when present.
export const statementContentSchema = z.object({
  ar: localeContentSchema,
  fr: z.preprocess(blankLocale, localeContentSchema.optional()),
  en: z.preprocess(blankLocale, localeContentSchema.optional()),
});

export const appearancesSchema = z
  .array(
    z.object({
      url: z
        .string()
        .max(2048)
        .refine((u) => canonicalizeUrl(u) !== null, "validation.urlInvalid"),
      platform: z.enum(PLATFORMS),
    }),
  )
  .max(20);

export const statementDraftSchema = z.object({
  content: statementContentSchema,
  appearances: appearancesSchema,
});
export type StatementDraftInput = z.infer<typeof statementDraftSchema>;
