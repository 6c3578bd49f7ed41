import * as z from "zod/mini";
import { LOCALES } from "@/lib/i18n/config";
import { canonicalizeUrl, PLATFORMS } from "@/lib/text/canonical-url";
import {
  isWellFormedLink,
  isWellFormedText,
  stripControl,
  toAsciiDigits,
} from "@/lib/text/normalize";
import {
  ALL_CATEGORIES,
  CATEGORIES,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  KINDS,
  MAX_URLS,
  type Kind,
} from "./categories";

// One schema for the form (schemaResolver), the server action and POST /api/v1/reports.
// Messages are keys under `validation` in the message files. zod/mini, not zod: the form ships
// this schema to the citizen's phone, and mini's functions tree-shake (BENCHMARKS.md has the weight).

/** zod's preprocess, which zod/mini spells as a pipe. */
const preprocess = <T extends z.ZodMiniType>(fn: (v: unknown) => unknown, schema: T) =>
  z.pipe(z.transform(fn), schema);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const cleanString = (v: unknown) =>
  typeof v === "string" ? stripControl(v).normalize("NFC").trim() : v;

/**
 * A textarea gives one link per line; the API gives an array. Both become an array. Lines, not
 * words: "not a link" on line 1 is one error on line 1, not three (`urlLines` numbers them).
 */
function toUrlList(v: unknown): unknown {
  if (v === undefined || v === null) return [];
  if (typeof v === "string")
    return v
      .split(/\r\n|\r|\n/)
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(v))
    return v.map((x) => (typeof x === "string" ? x.trim() : x)).filter((x) => x !== "");
  return v;
}

/** Latest moment "when it was seen" may be: a date-only value may be "today" anywhere on Earth. */
function latestSeenAt(isDateOnly: boolean, now = Date.now()) {
  return isDateOnly ? now + 14 * 3600_000 : now + 5 * 60_000;
}

const seenAtSchema = z.pipe(
  z.string({ error: "validation.seenAtInvalid" }).check(
    z.maxLength(40, "validation.seenAtInvalid"),
    z.refine(
      (s) =>
        /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) &&
        !Number.isNaN(Date.parse(s)),
      "validation.seenAtInvalid",
    ),
    z.refine((s) => Date.parse(s) >= Date.parse("2000-01-01"), "validation.seenAtTooOld"),
    z.refine((s) => Date.parse(s) <= latestSeenAt(s.length === 10), "validation.seenAtFuture"),
  ),
  z.transform((s: string) => new Date(s)),
);

const phoneDigits = (s: string) => s.replace(/[\s\-.()]/g, "");

const contactSchema = z.optional(
  z.object({
    email: preprocess(
      (v) => blankToUndefined(cleanString(v)),
      z.optional(
        z
          .email({ error: "validation.emailInvalid" })
          .check(z.maxLength(254, "validation.emailInvalid")),
      ),
    ),
    phone: preprocess(
      (v) => blankToUndefined(typeof v === "string" ? toAsciiDigits(cleanString(v) as string) : v),
      z.optional(
        z.pipe(
          z.string({ error: "validation.phoneInvalid" }).check(
            z.maxLength(32, "validation.phoneInvalid"),
            z.refine((s) => /^\+?[0-9]{6,15}$/.test(phoneDigits(s)), "validation.phoneInvalid"),
          ),
          z.transform(phoneDigits),
        ),
      ),
    ),
  }),
);

export const reportSchema = z
  .object({
    kind: z.enum(KINDS, { error: "validation.kindRequired" }),
    category: z.enum(ALL_CATEGORIES as [string, ...string[]], {
      error: "validation.categoryRequired",
    }),
    urls: preprocess(
      toUrlList,
      z
        .array(
          z.string({ error: "validation.urlInvalid" }).check(
            // First, so it is the error shown: such text never reaches the database.
            z.refine(isWellFormedLink, "validation.textIllFormed"),
            z.maxLength(2048, "validation.urlTooLong"),
            z.refine((u) => canonicalizeUrl(u) !== null, "validation.urlInvalid"),
          ),
          { error: "validation.urlInvalid" },
        )
        .check(z.maxLength(MAX_URLS, "validation.tooManyUrls")),
    ),
    platform: preprocess(
      blankToUndefined,
      z.optional(z.enum(PLATFORMS, { error: "validation.platformInvalid" })),
    ),
    // Ill-formed text is refused, not silently repaired: the citizen sees what was wrong.
    description: z.pipe(
      z
        .string({ error: "validation.descriptionTooShort" })
        .check(z.refine(isWellFormedText, "validation.textIllFormed")),
      z.pipe(
        z.transform((s: string) => cleanString(s) as string),
        z
          .string()
          .check(
            z.minLength(DESCRIPTION_MIN, "validation.descriptionTooShort"),
            z.maxLength(DESCRIPTION_MAX, "validation.descriptionTooLong"),
          ),
      ),
    ),
    seenAt: preprocess(blankToUndefined, z.optional(seenAtSchema)),
    contact: contactSchema,
    locale: preprocess(
      blankToUndefined,
      z.optional(z.enum(LOCALES, { error: "validation.localeInvalid" })),
    ),
    declaration: preprocess(
      (v) => v === "on" || v === "true" || v === true,
      z.literal(true, { error: "validation.declarationRequired" }),
    ),
    // "Tell me the outcome": an e-mail to the address above, when the case closes.
    notify: preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  })
  // Cross-field rules run even when other fields failed, so every problem is listed at once.
  .check(
    z.superRefine(
      (v, ctx) => {
        const kind = (KINDS as readonly unknown[]).includes(v.kind) ? (v.kind as Kind) : undefined;
        if (
          kind &&
          typeof v.category === "string" &&
          ALL_CATEGORIES.includes(v.category as never) &&
          !(CATEGORIES[kind] as readonly string[]).includes(v.category)
        ) {
          ctx.addIssue({
            code: "custom",
            path: ["category"],
            message: "validation.categoryMismatch",
          });
        }
        const urls = Array.isArray(v.urls) ? v.urls : [];
        if (kind === "violent_content" && urls.length === 0) {
          ctx.addIssue({
            code: "custom",
            path: ["urls"],
            message: "validation.urlRequiredForViolent",
          });
        }
        const contact = v.contact as { email?: unknown } | undefined;
        if (v.notify === true && !contact?.email) {
          ctx.addIssue({
            code: "custom",
            path: ["contact", "email"],
            message: "validation.emailRequiredToNotify",
          });
        }
        if (urls.length === 0 && v.platform === undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["platform"],
            message: "validation.platformRequired",
          });
        }
      },
      // Values may be partly invalid here; the checks above only read what they can trust.
      { when: (payload) => typeof payload.value === "object" && payload.value !== null },
    ),
  );

/** The textarea's line number (from 1) of each link `toUrlList` kept, blank lines skipped. */
export function urlLines(text: string): number[] {
  return text.split(/\r\n|\r|\n/).flatMap((line, i) => (line.trim() ? [i + 1] : []));
}

export type ReportFormValues = z.input<typeof reportSchema>;
export type ReportInput = z.output<typeof reportSchema>;

/** Native form posts (JavaScript off) arrive as FormData with dotted names. */
export function reportFromFormData(fd: FormData): Record<string, unknown> {
  const get = (k: string) => {
    const v = fd.get(k);
    return typeof v === "string" ? v : undefined;
  };
  // The form sends its links as lines of one field; an API client may repeat `urls` instead.
  const urls = [...fd.getAll("urls"), ...fd.getAll("urls[]")].filter((v) => typeof v === "string");
  return {
    kind: get("kind"),
    category: get("category"),
    urls: urls.length > 1 ? urls.join("\n") : get("urls"),
    platform: get("platform"),
    description: get("description"),
    seenAt: get("seenAt"),
    contact: { email: get("contact.email"), phone: get("contact.phone") },
    locale: get("locale"),
    declaration: get("declaration"),
    notify: get("notify"),
  };
}
