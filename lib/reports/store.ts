import "server-only";
import { randomUUID } from "node:crypto";
import { and, lt, sql } from "drizzle-orm";
import { textHints, type IncomingReport } from "@/lib/cases/matching/hints";
import type { StoreItem, StorePayload, StoreResult } from "@/lib/cases/matching/payload";
import { summarize } from "@/lib/cases/matching/summary";
import { PER_BAND } from "@/lib/cases/matching/text";
import { PRIORITIES, SURGE_HIGH, SURGE_URGENT } from "@/lib/cases/priority";
import type { NormalizedImage } from "@/lib/image/normalize";
import { PDQ_MATCH_DISTANCE, PDQ_MIN_QUALITY } from "@/lib/image/pdq";
import { ANSWERED_STATUSES, OPEN_STATUSES } from "@/lib/cases/workflow";
import { ANSWER_TYPES, type IntakeAnswer } from "@/lib/statements/schema";
import type { Db, Executor } from "@/lib/db/connect";
import { jsonParam } from "@/lib/db/json-rows";
import { idempotencyKeys } from "@/lib/db/schema";
import { counterRows, METRICS, SHARDS } from "@/lib/stats/rollup";
import { ExpectedError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { decrypt, encrypt, sha256, stableStringify } from "@/lib/security/crypto";
import { rateWindow, type RateLimitHit } from "@/lib/security/rate-limit";
import { getSecrets } from "@/lib/security/secrets";
import { readableUrl } from "@/lib/text/readable-url";
import { canonicalizeUrl, detectPlatform } from "@/lib/text/canonical-url";
import { bandKeys } from "@/lib/text/minhash";
import { normalizeText } from "@/lib/text/normalize";
import { formatReceipt, hashReceipt, newReceipt } from "@/lib/text/receipt";
import type { ReportInput } from "./schema";

export interface IntakeOptions {
  locale: Locale;
  idempotencyKey?: string;
  /** Injected by the demo seed so that its receipts can be printed in the README. */
  receipt?: string;
  /** Injected by the demo seed to write history; otherwise now. */
  now?: Date;
  /** Pictures, already normalised (lib/image/normalize.ts). */
  images?: NormalizedImage[];
  /** Counted in the intake's own transaction; a refused report is not stored. */
  rateLimit?: RateLimitHit;
}

export interface Receipt {
  receipt: string;
  status: "received";
  submittedAt: string;
  /** A published statement already answers what was reported (lib/reports/receive.ts fills it). */
  answer?: IntakeAnswer;
}

/** What storing gives back: the receipt, and the statement that answered it, if one did. */
export type Stored = Receipt & { replayed: boolean; answeredBy: string | null };

export const IDEMPOTENCY_WINDOW_HOURS = 24;

export type IntakeOutcome = { ok: true; value: Stored } | { ok: false; error: unknown };

/** Stores one report in one transaction and returns its receipt, which exists nowhere else afterwards. */
export async function storeReport(
  db: Db,
  input: ReportInput,
  opts: IntakeOptions,
): Promise<Stored> {
  const [outcome] = await storeReports(db, [{ input, opts }]);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

// Everything that needs no database, done before the call.
function prepare(
  { input, opts }: { input: ReportInput; opts: IntakeOptions },
  encryptionKey: Buffer,
  now: Date,
) {
  // Stored as a moderator may safely read and copy it (readableUrl); matched by its canonical form.
  const links = input.urls.map((url, position) => ({
    position,
    url: readableUrl(url),
    canonical_url: canonicalizeUrl(url)!,
    platform: detectPlatform(url)!,
  }));
  // A link says where the content is; the chosen platform only counts without one.
  const platform = links[0]?.platform ?? input.platform ?? "other";
  const locale = input.locale ?? opts.locale;
  const contact =
    input.contact && (input.contact.email || input.contact.phone) ? input.contact : undefined;
  const descriptionNorm = normalizeText(input.description);
  const incoming: IncomingReport = {
    kind: input.kind,
    category: input.category,
    description: input.description,
    descriptionNorm,
    platform,
    locale,
    canonicalUrls: [...new Set(links.map((l) => l.canonical_url))],
    // Only forwarded messages (no link) are matched by text; links identify content better.
    bandKeys: links.length === 0 ? bandKeys(descriptionNorm) : [],
    at: opts.now ?? now,
  };
  const receipt = opts.receipt ?? newReceipt();
  const answer: Receipt = {
    receipt: formatReceipt(receipt),
    status: "received",
    submittedAt: incoming.at.toISOString(),
  };
  const keyHash = opts.idempotencyKey ? sha256(`idempotency:${opts.idempotencyKey}`) : undefined;
  // Only a retry under the same key is compared with the first request.
  const requestHash = keyHash
    ? sha256(
        stableStringify({
          ...input,
          seenAt: input.seenAt?.toISOString(),
          locale,
          images: (opts.images ?? []).map((i) => i.sha256),
        }),
      )
    : null;
  const limit = opts.rateLimit && opts.rateLimit.limit > 0 ? opts.rateLimit : undefined;
  const window = limit ? rateWindow(limit, now) : undefined;
  const [reportsBump, openedBump] = reportBumps(incoming, true);
  const [, joinedBump] = reportBumps(incoming, false);
  const summary = summarize(input.description);
  const counters = counterRows(reportsBump);
  return {
    incoming,
    answer,
    requestHash,
    row: {
      id: randomUUID(),
      receipt_hash: hashReceipt(receipt),
      kind: input.kind,
      category: input.category,
      platform,
      locale,
      description: input.description,
      description_norm: descriptionNorm,
      seen_at: input.seenAt ?? null,
      contact_enc: contact ? encrypt(JSON.stringify(contact), encryptionKey) : null,
      // "Tell me the outcome": the confirmation goes out with the receipt, kept encrypted in
      // the outbox until it is sent (the receipt is stored nowhere else).
      notify: Boolean(input.notify && contact?.email),
      confirmation_enc:
        input.notify && contact?.email
          ? encrypt(JSON.stringify({ receipt: answer.receipt }), encryptionKey)
          : null,
      at: incoming.at,
      urls: incoming.canonicalUrls,
      links,
      bands: incoming.bandKeys,
      summary,
      // Most descriptions are their own summary: normalised once.
      search_text: summary === input.description ? descriptionNorm : normalizeText(summary),
      key_hash: keyHash ?? null,
      request_hash: requestHash,
      answer: keyHash ? encrypt(JSON.stringify(answer), encryptionKey) : null,
      rate:
        limit && window
          ? {
              bucket: limit.bucket,
              window_start: window.windowStart,
              limit: limit.limit,
              retry_after: window.retryAfter,
            }
          : null,
      media: (opts.images ?? []).map((i) => ({
        sha256: i.sha256,
        pdq: i.pdq,
        quality: i.pdqQuality,
      })),
      year: counters.year,
      dims: counters.dimensions,
      // The year total and the month come first; the other metric has its own breakdowns.
      opened_dims: [...counters.dimensions.slice(0, 2), ...(openedBump.breakdowns ?? [])],
      joined_dims: [...counters.dimensions.slice(0, 2), ...(joinedBump.breakdowns ?? [])],
    } satisfies Omit<StoreItem, "text" | "like">,
  };
}

/**
 * Stores reports as if each had been submitted alone and in this order, and returns an
 * outcome per report. Group commit: the queue in ./intake-queue.ts gathers reports that arrive
 * together, and the whole batch is one call of `iblagh_store_reports`
 * (drizzle/functions/iblagh_store_reports.sql), so a burst costs one round trip per batch. Text matching of forwarded messages
 * is scored here first (MinHash, one read per distinct text of the batch). With an idempotency
 * key, a retry of the same request returns the first receipt (kept encrypted for the replay
 * window) and a different request under that key is refused.
 */
export async function storeReports(
  db: Executor,
  items: { input: ReportInput; opts: IntakeOptions }[],
): Promise<IntakeOutcome[]> {
  const { encryptionKey } = getSecrets();
  const now = new Date();
  const prepared = items.map((item) => prepare(item, encryptionKey, now));
  const hints = await textHints(
    db,
    prepared.map((p) => p.incoming),
  );
  const payload: StorePayload = {
    shard: Math.floor(Math.random() * SHARDS),
    metrics: {
      reports: METRICS.reports,
      opened: METRICS.casesOpened,
      joined: METRICS.reportsJoined,
      with_images: METRICS.withImages,
      joined_by_image: METRICS.joinedByImage,
      answered: METRICS.answeredAtIntake,
    },
    pdq: { max_distance: PDQ_MATCH_DISTANCE, min_quality: PDQ_MIN_QUALITY },
    surge: { high: SURGE_HIGH, urgent: SURGE_URGENT },
    priorities: PRIORITIES,
    open_statuses: OPEN_STATUSES,
    answered_statuses: ANSWERED_STATUSES,
    answer_types: ANSWER_TYPES,
    per_band: PER_BAND,
    items: prepared.map((p, i) => ({
      ...p.row,
      text: hints[i].text.map((t) => ({
        case_id: t.caseId,
        report_id: t.reportId,
        score: t.score,
      })),
      like: hints[i].like,
    })),
  };
  const call = sql`select iblagh_store_reports(${jsonParam(payload, "jsonb")}) as r`;
  const images = [
    ...new Map(items.flatMap((i) => i.opts.images ?? []).map((m) => [m.sha256, m])).values(),
  ];
  // Pictures go in as binary parameters, in the batch's transaction, before the call links them.
  const result =
    images.length === 0
      ? await db.execute(call)
      : await db.transaction(async (tx) => {
          for (const m of images)
            await tx.execute(sql`select iblagh_store_media(${m.sha256}, 'image', ${m.mime},
              ${m.bytes}::bytea, ${m.thumb}::bytea, ${m.width}, ${m.height}, ${m.pdq},
              ${m.pdqQuality}, ${PDQ_MIN_QUALITY})`);
          return tx.execute(call);
        });
  const outcomes = (result.rows[0] as { r: StoreResult[] }).r;
  return outcomes.map((o, i): IntakeOutcome => {
    if (o.status === "stored")
      return {
        ok: true,
        value: { ...prepared[i].answer, replayed: false, answeredBy: o.answered_by ?? null },
      };
    if (o.status === "rate_limited")
      return { ok: false, error: new ExpectedError("rate_limited", { retryAfter: o.retry_after }) };
    // Another request holds this key (the call waited for it to commit, so its row is final).
    if (o.request_hash !== prepared[i].requestHash || !o.response_enc)
      return { ok: false, error: new ExpectedError("idempotency_conflict") };
    return {
      ok: true,
      value: {
        ...(JSON.parse(decrypt(o.response_enc, encryptionKey)) as Receipt),
        replayed: true,
        answeredBy: o.answered_by ?? null,
      },
    };
  });
}

/** Forgets replay answers (they hold receipts) once the retry window has passed. */
export async function purgeIdempotencyKeys(db: Db, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_WINDOW_HOURS * 3600_000);
  await db.delete(idempotencyKeys).where(and(lt(idempotencyKeys.createdAt, cutoff)));
}

/** The roll-up counters of one stored report, written last, just before the commit. */
export function reportBumps(
  r: Pick<IncomingReport, "at" | "kind" | "category" | "platform" | "locale">,
  opened: boolean,
) {
  return [
    {
      at: r.at,
      metric: METRICS.reports,
      breakdowns: [
        `kind:${r.kind}`,
        `category:${r.category}`,
        `platform:${r.platform}`,
        `locale:${r.locale}`,
      ],
    },
    opened
      ? { at: r.at, metric: METRICS.casesOpened, breakdowns: [`kind:${r.kind}`] }
      : { at: r.at, metric: METRICS.reportsJoined },
  ];
}
