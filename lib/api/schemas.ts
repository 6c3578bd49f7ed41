import { z } from "zod";
import { FINAL_STATUSES } from "@/lib/cases/workflow";
import { LOCALES } from "@/lib/i18n/config";
import { ANSWER_TYPES, STATEMENT_TYPES } from "@/lib/statements/schema";

// The API's bodies and answers as zod schemas, the one description of each: the routes parse
// requests with them, the e2e tests check answers against them, and lib/api/openapi.ts turns
// them into the OpenAPI document. Descriptions are zod metadata (`.meta`), read by the document.

/** POST /api/v1/reports/track. */
export const trackRequestSchema = z.object({
  receipt: z
    .string({ error: "validation.receiptRequired" })
    .meta({ examples: ["7KQM-3XPA-9DTR-W2HB"] }),
});

/** `locale` of GET /api/v1/statements: the language of titles and summaries. */
export const listLocaleSchema = z.object({
  locale: z.enum(LOCALES).optional().meta({
    description: "Language of title and summary; Arabic where a translation is missing.",
  }),
});

export const receiptSchema = z.object({
  receipt: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/),
  status: z.literal("received"),
  submittedAt: z.iso.datetime(),
  answer: z
    .object({
      type: z.enum(ANSWER_TYPES),
      title: z.string(),
      verdict: z.string(),
      url: z.string(),
      lang: z.enum(LOCALES),
    })
    .optional()
    .meta({
      description:
        "Present when a published denial or truth statement already answers what was reported (the same link, picture or forwarded text as a closed case): the statement, in the reporter's language where it has one. The report is kept all the same.",
    }),
});

export const trackedReportSchema = z.object({
  status: z.enum(["received", "in_review", "closed"]),
  updatedAt: z.iso.datetime(),
  outcome: z.enum(FINAL_STATUSES).optional(),
  statementUrl: z.string().optional().meta({
    description: "The published statement answering the report, in its language when available.",
  }),
});

export const statementItemSchema = z.object({
  slug: z.string(),
  type: z.enum(STATEMENT_TYPES),
  title: z.string(),
  summary: z.string(),
  publishedAt: z.iso.datetime(),
  url: z.string(),
  status: z.enum(["published", "withdrawn"]),
});

export const statementPageSchema = z.object({
  items: z.array(statementItemSchema),
  nextCursor: z.string().nullable(),
});

const count = z.number().int().nullable();
export const yearFiguresSchema = z.object({
  year: z.number().int(),
  statements: z.object({ denial: count, truth: count, total: count, communique: count }),
  withdrawn: count,
  debunkChange: z.object({ absolute: z.number().int(), percent: z.number().nullable() }).nullable(),
  violentContentDetected: count,
  judicialReferrals: count,
  reportsReceived: count,
  casesOpened: count,
  reportsWithImages: count,
  reportsJoinedByImage: count,
  reportsAnsweredAtIntake: count,
  joinedExistingShare: z.number().nullable(),
  medianHoursToOutcome: z.number().nullable(),
  source: z.enum(["computed", "imported"]),
});

export const statsAnswerSchema = z.object({ years: z.array(yearFiguresSchema) });

export const errorSchema = z.object({
  error: z.string(),
  message: z.string().meta({ description: "Localised by Accept-Language" }),
  issues: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
});

export const healthSchema = z.object({ status: z.literal("ok"), db: z.literal("ok") });

/** The answers, by the name the OpenAPI document gives them (components.schemas). */
export const answers = z.registry<{ id: string }>();
answers.add(receiptSchema, { id: "Receipt" });
answers.add(trackedReportSchema, { id: "TrackedReport" });
answers.add(statementItemSchema, { id: "StatementItem" });
answers.add(statementPageSchema, { id: "StatementPage" });
answers.add(yearFiguresSchema, { id: "YearFigures" });
answers.add(statsAnswerSchema, { id: "StatsAnswer" });
answers.add(errorSchema, { id: "Error" });
answers.add(healthSchema, { id: "Health" });
