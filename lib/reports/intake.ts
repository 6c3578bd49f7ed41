import "server-only";
import { randomUUID } from "node:crypto";
import { and, inArray, lt, sql } from "drizzle-orm";
import { caseWrites, intakeBumps, planCases, raiseOnSurges, type IncomingReport } from "@/lib/cases/intake";
import { bumpStatement } from "@/lib/stats/rollup";
import type { Db, Tx } from "@/lib/db/connect";
import { jsonParam } from "@/lib/db/json-rows";
import { idempotencyKeys } from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { decrypt, encrypt, sha256, stableStringify } from "@/lib/security/crypto";
import { hitRateLimits, type RateLimitHit } from "@/lib/security/rate-limit";
import { getSecrets } from "@/lib/security/secrets";
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
  /** Counted in the intake's own transaction; a refused report is not stored. */
  rateLimit?: RateLimitHit;
}

export interface Receipt {
  receipt: string;
  status: "received";
  submittedAt: string;
}

export const IDEMPOTENCY_WINDOW_HOURS = 24;

export type IntakeOutcome = { ok: true; value: Receipt & { replayed: boolean } } | { ok: false; error: unknown };

/** Stores one report in one transaction and returns its receipt, which exists nowhere else afterwards. */
export async function submitReport(db: Db, input: ReportInput, opts: IntakeOptions): Promise<Receipt & { replayed: boolean }> {
  const [outcome] = await submitReports(db, [{ input, opts }]);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

type Prepared = ReturnType<typeof prepare>;

// Everything that needs no database, done before the transaction opens.
function prepare({ input, opts }: { input: ReportInput; opts: IntakeOptions }, encryptionKey: Buffer) {
  const links = input.urls.map((url, position) => ({ position, url, canonicalUrl: canonicalizeUrl(url)!, platform: detectPlatform(url)! }));
  // A link says where the content is; the chosen platform only counts without one.
  const platform = links[0]?.platform ?? input.platform ?? "other";
  const locale = input.locale ?? opts.locale;
  const contact = input.contact && (input.contact.email || input.contact.phone) ? input.contact : undefined;
  const descriptionNorm = normalizeText(input.description);
  const incoming: IncomingReport = {
    kind: input.kind,
    category: input.category,
    description: input.description,
    descriptionNorm,
    platform,
    locale,
    canonicalUrls: [...new Set(links.map((l) => l.canonicalUrl))],
    // Only forwarded messages (no link) are matched by text; links identify content better.
    bandKeys: links.length === 0 ? bandKeys(descriptionNorm) : [],
    at: opts.now ?? new Date(),
  };
  const receipt = opts.receipt ?? newReceipt();
  return {
    id: randomUUID(),
    input,
    incoming,
    links,
    receipt,
    receiptHash: hashReceipt(receipt),
    contactEnc: contact ? encrypt(JSON.stringify(contact), encryptionKey) : null,
    keyHash: opts.idempotencyKey ? sha256(`idempotency:${opts.idempotencyKey}`) : undefined,
    requestHash: sha256(stableStringify({ ...input, seenAt: input.seenAt?.toISOString(), locale })),
  };
}

/**
 * Stores reports in one transaction, as if each had been submitted alone and in this order, and
 * returns an outcome per report (group commit: the queue in ./intake-queue.ts gathers reports
 * that arrive together, so a burst costs a few statements per batch instead of ten per report).
 * With an idempotency key, a retry of the same request returns the first receipt (kept
 * encrypted for the replay window) and a different request under that key is refused.
 */
export async function submitReports(db: Db, items: { input: ReportInput; opts: IntakeOptions }[]): Promise<IntakeOutcome[]> {
  const { encryptionKey } = getSecrets();
  const prepared = items.map((item) => prepare(item, encryptionKey));
  return db.transaction(async (tx) => {
    const outcomes = new Array<IntakeOutcome | undefined>(prepared.length);
    const limited = items.flatMap((item, i) => (item.opts.rateLimit ? [{ i, hit: item.opts.rateLimit }] : []));
    const verdicts = await hitRateLimits(
      tx,
      limited.map((l) => l.hit),
    );
    for (const [j, v] of verdicts.entries()) if (!v.ok) outcomes[limited[j].i] = { ok: false, error: new ExpectedError("rate_limited", { retryAfter: v.retryAfter }) };
    const leaders = new Map<string, number>();
    for (const [i, p] of prepared.entries()) if (!outcomes[i] && p.keyHash && !leaders.has(p.keyHash)) leaders.set(p.keyHash, i);
    await replayClaimedKeys(tx, prepared, leaders, outcomes, encryptionKey);

    const fresh = prepared.filter((p, i) => !outcomes[i] && (!p.keyHash || leaders.get(p.keyHash) === i));
    if (fresh.length > 0) {
      const results = await store(tx, fresh, encryptionKey);
      for (const [j, p] of fresh.entries()) outcomes[prepared.indexOf(p)] = { ok: true, value: { ...results[j], replayed: false } };
    }
    // A retry that arrived in the same batch as its first attempt gets the first attempt's answer.
    return prepared.map((p, i) => {
      if (outcomes[i]) return outcomes[i];
      if (!p.keyHash || !leaders.has(p.keyHash)) throw new Error("intake: report left without an outcome");
      const first = prepared[leaders.get(p.keyHash!)!];
      const lead = outcomes[leaders.get(p.keyHash!)!]!;
      if (first.requestHash !== p.requestHash || !lead.ok) return { ok: false, error: new ExpectedError("idempotency_conflict") };
      return { ok: true, value: { ...lead.value, replayed: true } };
    });
  });
}

async function replayClaimedKeys(tx: Tx, prepared: Prepared[], leaders: Map<string, number>, outcomes: (IntakeOutcome | undefined)[], encryptionKey: Buffer) {
  if (leaders.size === 0) return;
  const claimed = await tx
    .insert(idempotencyKeys)
    .values([...leaders.keys()].sort().map((keyHash) => ({ keyHash, requestHash: prepared[leaders.get(keyHash)!].requestHash })))
    .onConflictDoNothing()
    .returning({ keyHash: idempotencyKeys.keyHash });
  const taken = [...leaders.keys()].filter((k) => !claimed.some((c) => c.keyHash === k));
  if (taken.length === 0) return;
  // Another request holds these keys; ON CONFLICT waited for it to commit, so its rows are final.
  const priors = await tx
    .select({ keyHash: idempotencyKeys.keyHash, requestHash: idempotencyKeys.requestHash, responseEnc: idempotencyKeys.responseEnc })
    .from(idempotencyKeys)
    .where(inArray(idempotencyKeys.keyHash, taken));
  for (const keyHash of taken) {
    const i = leaders.get(keyHash)!;
    const prior = priors.find((r) => r.keyHash === keyHash);
    outcomes[i] =
      !prior || prior.requestHash !== prepared[i].requestHash || !prior.responseEnc
        ? { ok: false, error: new ExpectedError("idempotency_conflict") }
        : { ok: true, value: { ...(JSON.parse(decrypt(prior.responseEnc, encryptionKey)) as Receipt), replayed: true } };
  }
}

async function store(tx: Tx, batch: Prepared[], encryptionKey: Buffer): Promise<Receipt[]> {
  const plan = await planCases(
    tx,
    batch.map((p) => p.incoming),
  );
  const results: Receipt[] = batch.map((p) => ({ receipt: formatReceipt(p.receipt), status: "received", submittedAt: p.incoming.at.toISOString() }));
  const reportRows = batch.map((p, i) => ({
    id: p.id,
    receipt_hash: p.receiptHash,
    kind: p.input.kind,
    category: p.input.category,
    platform: p.incoming.platform,
    description: p.input.description,
    description_norm: p.incoming.descriptionNorm,
    seen_at: p.input.seenAt ?? null,
    contact_enc: p.contactEnc,
    locale: p.incoming.locale,
    case_id: plan.attached[i].caseId,
    submitted_at: p.incoming.at,
  }));
  const links = batch.flatMap((p) => p.links.map((l) => ({ report_id: p.id, position: l.position, url: l.url, canonical_url: l.canonicalUrl, platform: l.platform })));
  const bands = batch.flatMap((p) => p.incoming.bandKeys.map((band_key) => ({ band_key, report_id: p.id })));
  const keyed = batch.flatMap((p, i) => (p.keyHash ? [{ key_hash: p.keyHash, report_id: p.id, response_enc: encrypt(JSON.stringify(results[i]), encryptionKey) }] : []));
  // Every write of the batch in one statement: the database is a round trip away, and under
  // load each round trip waits for a busy event loop, so statements, not rows, set the pace.
  const parts = [
    ...caseWrites(plan),
    sql`new_reports as (
      insert into reports (id, receipt_hash, kind, category, platform, description, description_norm, seen_at, contact_enc, locale, case_id, submitted_at)
      select * from json_to_recordset(${jsonParam(reportRows)}) as x(id uuid, receipt_hash text, kind text, category text, platform text, description text, description_norm text, seen_at timestamptz, contact_enc text, locale text, case_id uuid, submitted_at timestamptz))`,
    sql`new_report_links as (
      insert into report_links (report_id, position, url, canonical_url, platform)
      select * from json_to_recordset(${jsonParam(links)}) as x(report_id uuid, position smallint, url text, canonical_url text, platform text))`,
    sql`new_bands as (insert into report_text_bands (band_key, report_id) select band_key::bigint, report_id from json_to_recordset(${jsonParam(bands)}) as x(band_key text, report_id uuid))`,
    sql`answers as (
      update idempotency_keys k set report_id = v.report_id, response_enc = v.response_enc
      from json_to_recordset(${jsonParam(keyed)}) as v(key_hash text, report_id uuid, response_enc text)
      where k.key_hash = v.key_hash)`,
    sql`counters as (${bumpStatement(batch.flatMap((p, i) => intakeBumps(p.incoming, plan.attached[i].opened)))})`,
  ];
  const joined = await tx.execute(sql`with ${sql.join(parts, sql`, `)} select id, priority, report_count from joined_cases`);
  await raiseOnSurges(tx, plan, joined.rows as { id: string; priority: string; report_count: number }[]);
  return results;
}

/** Forgets replay answers (they hold receipts) once the retry window has passed. */
export async function purgeIdempotencyKeys(db: Db, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_WINDOW_HOURS * 3600_000);
  await db.delete(idempotencyKeys).where(and(lt(idempotencyKeys.createdAt, cutoff)));
}
