import "server-only";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ExpectedError } from "@/lib/errors";
import { atMostEvery } from "@/lib/housekeeping";
import type { Locale } from "@/lib/i18n/config";
import { hitRateLimit, purgeRateLimits } from "@/lib/security/rate-limit";
import { purgeIdempotencyKeys, type Receipt } from "./intake";
import { intakeQueue } from "./intake-queue";
import type { ReportInput } from "./schema";
import { trackReport, type TrackedReport } from "./track";

const WINDOW_SECONDS = 600;

const PURGE_EVERY_MS = 60_000;
let purge: (() => boolean) | undefined;

/** The entry point shared by the API and the form: rate limit and intake, in one transaction. */
export async function receiveReport(
  input: ReportInput,
  opts: { locale: Locale; client: string; idempotencyKey?: string },
): Promise<Receipt & { replayed: boolean }> {
  const db = await getDb();
  (purge ??= atMostEvery(PURGE_EVERY_MS, () =>
    Promise.all([purgeIdempotencyKeys(db), purgeRateLimits(db)]),
  ))();
  return intakeQueue(db).submit(input, {
    locale: opts.locale,
    idempotencyKey: opts.idempotencyKey,
    rateLimit: {
      bucket: `report:${opts.client}`,
      limit: env.RATE_LIMIT_REPORTS,
      windowSeconds: WINDOW_SECONDS,
    },
  });
}

/** `reader`: the language the status is read in, for the statement's link. */
export async function lookUpReport(
  receipt: string,
  client: string,
  reader?: Locale,
): Promise<TrackedReport> {
  const db = await getDb();
  const limit = await hitRateLimit(db, `track:${client}`, env.RATE_LIMIT_TRACK, WINDOW_SECONDS);
  if (!limit.ok) throw new ExpectedError("rate_limited", { retryAfter: limit.retryAfter });
  const found = await trackReport(db, receipt, reader);
  if (!found) throw new ExpectedError("not_found");
  return found;
}
