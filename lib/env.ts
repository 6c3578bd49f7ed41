import path from "node:path";
import { z } from "zod";

// The one place that reads process.env. Everything else imports `env`.

/** A configuration the app must not start with; the message names what to fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  // Optional replica for read-heavy staff lists (queue, dashboards, audit); never for a page
  // that shows the result of the action just taken.
  DATABASE_READ_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  PGLITE_DIR: z.string().min(1).optional(),
  SEED: z.enum(["demo", "none"]).default("demo"),
  AUTH_SECRET: z.string().min(32).optional(),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, "ENCRYPTION_KEY must be 32 bytes in base64")
    .optional(),
  // Requests per client per 10 minutes; 0 turns a limit off (benchmarks, load tests).
  RATE_LIMIT_REPORTS: z.coerce.number().int().min(0).default(10),
  RATE_LIMIT_TRACK: z.coerce.number().int().min(0).default(60),
  NEXT_PHASE: z.string().optional(),
  // Pictures of cases closed as no_action or duplicate are deleted this many days after closing.
  MEDIA_RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
  // Reporters' e-mail (lib/mail): an SMTP server as a URL (smtp://user:pass@host:587,
  // smtps://…). Unset: messages are written as .eml files under $DATA_DIR/outbox.
  SMTP_URL: z.string().url().optional(),
  // The port the app serves on (scripts/server.mjs sets it): its own links without PUBLIC_URL.
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  MAIL_FROM: z.string().min(3).default("Iblagh <no-reply@iblagh.invalid>"),
  // A reporter's contact details are deleted this many days after their case closes.
  CONTACT_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  // A case's hold (who is handling it) lapses this many minutes after its holder's last action.
  CASE_HOLD_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  // Exposes /api/bench/echo and /api/bench/validate for `npm run bench`; never set in production.
  BENCH_ROUTES: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  // Forwarded-message matching (Jaccard of character 5-grams, see lib/text/minhash.ts):
  // above the first a case is suggested as a duplicate, above the second the report joins it.
  CASE_SUGGEST_THRESHOLD: z.coerce.number().min(0).max(1).default(0.3),
  CASE_MERGE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.75),
  STAFF_REQUIRE_2FA: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  DEMO_PASSWORD: z.string().min(8).default("iblagh-demo-2025"),
  // Absolute links in feeds, sitemaps, share cards and ClaimReview, and the publishing organisation.
  // Unset: each request's own origin (lib/http/origin.ts), and the production start warns.
  PUBLIC_URL: z.string().url().optional(),
  ORG_NAME: z.string().min(1).default("Iblagh"),
  ORG_URL: z.string().url().optional(),
  // The calendar the yearly figures follow.
  STATS_TIMEZONE: z
    .string()
    .default("Africa/Casablanca")
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "STATS_TIMEZONE must be an IANA time zone"),
});

export type Env = z.infer<typeof schema> & { pgliteDir: string; dataDir: string };

function load(): Env {
  const raw = { ...process.env };
  for (const k of Object.keys(raw)) if (raw[k] === "") delete raw[k];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const dataDir = path.resolve(/* turbopackIgnore: true */ parsed.data.DATA_DIR);
  const pgliteDir = path.resolve(
    /* turbopackIgnore: true */ parsed.data.PGLITE_DIR ?? path.join(dataDir, "pglite"),
  );
  return { ...parsed.data, dataDir, pgliteDir };
}

export const env: Env = load();

export const isEmbedded = () => !env.DATABASE_URL;
