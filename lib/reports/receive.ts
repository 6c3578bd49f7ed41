import "server-only";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { atMostEvery } from "@/lib/housekeeping";
import type { Locale } from "@/lib/i18n/config";
import type { NormalizedImage } from "@/lib/image/normalize";
import { purgeExpiredMedia } from "@/lib/media/retention";
import { purgeRateLimits } from "@/lib/security/rate-limit";
import { intakeAnswer } from "@/lib/statements/public";
import { wakeMailWorker } from "@/lib/mail/wake";
import { purgeIdempotencyKeys, type Receipt } from "./store";
import { purgeExpiredContacts } from "./contact-retention";
import { intakeQueue } from "./intake-queue";
import type { ReportInput } from "./schema";

const WINDOW_SECONDS = 600;

const PURGE_EVERY_MS = 60_000;
let purge: (() => boolean) | undefined;

/** Receiving a report, for the API and the form alike: its rate limit, the purges due, the intake queue. */
export async function receiveReport(
  input: ReportInput,
  opts: { locale: Locale; client: string; idempotencyKey?: string; images?: NormalizedImage[] },
): Promise<Receipt & { replayed: boolean }> {
  const db = await getDb();
  (purge ??= atMostEvery(PURGE_EVERY_MS, () =>
    Promise.all([
      purgeIdempotencyKeys(db),
      purgeRateLimits(db),
      purgeExpiredMedia(db),
      purgeExpiredContacts(db),
    ]),
  ))();
  const { answeredBy, ...stored } = await intakeQueue(db).submit(input, {
    locale: opts.locale,
    idempotencyKey: opts.idempotencyKey,
    images: opts.images,
    rateLimit: {
      bucket: `report:${opts.client}`,
      limit: env.RATE_LIMIT_REPORTS,
      windowSeconds: WINDOW_SECONDS,
    },
  });
  if (input.notify) wakeMailWorker();
  // Already answered: the statement's title, verdict and page, in the reporter's language.
  const answer = answeredBy
    ? await intakeAnswer(db, answeredBy, input.locale ?? opts.locale)
    : null;
  return answer ? { ...stored, answer } : stored;
}
