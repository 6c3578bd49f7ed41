import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { attachToCase, intakeBumps } from "@/lib/cases/intake";
import { bump } from "@/lib/stats/rollup";
import type { Db } from "@/lib/db/connect";
import { idempotencyKeys, reportLinks, reports, reportTextBands } from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { decrypt, encrypt, sha256, stableStringify } from "@/lib/security/crypto";
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
}

export interface Receipt {
  receipt: string;
  status: "received";
  submittedAt: string;
}

export const IDEMPOTENCY_WINDOW_HOURS = 24;

/**
 * Stores one report in one transaction and returns its receipt, which exists nowhere else
 * afterwards. With an idempotency key, a retry of the same request returns the first receipt
 * (kept encrypted for the replay window) and a different request under that key is refused.
 */
export async function submitReport(db: Db, input: ReportInput, opts: IntakeOptions): Promise<Receipt & { replayed: boolean }> {
  const { encryptionKey } = getSecrets();
  const links = input.urls.map((url, position) => ({
    position,
    url,
    canonicalUrl: canonicalizeUrl(url)!,
    platform: detectPlatform(url)!,
  }));
  // A link says where the content is; the chosen platform only counts without one.
  const platform = links[0]?.platform ?? input.platform ?? "other";
  const contact = input.contact && (input.contact.email || input.contact.phone) ? input.contact : undefined;
  const keyHash = opts.idempotencyKey ? sha256(`idempotency:${opts.idempotencyKey}`) : undefined;
  const requestHash = sha256(stableStringify({ ...input, seenAt: input.seenAt?.toISOString(), locale: input.locale ?? opts.locale }));

  return db.transaction(async (tx) => {
    if (keyHash) {
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({ keyHash, requestHash })
        .onConflictDoNothing()
        .returning({ keyHash: idempotencyKeys.keyHash });
      if (claimed.length === 0) {
        // Another request holds this key; ON CONFLICT waited for it to commit, so its row is final.
        const [prior] = await tx
          .select({ requestHash: idempotencyKeys.requestHash, responseEnc: idempotencyKeys.responseEnc })
          .from(idempotencyKeys)
          .where(eq(idempotencyKeys.keyHash, keyHash));
        if (!prior || prior.requestHash !== requestHash || !prior.responseEnc) {
          throw new ExpectedError("idempotency_conflict");
        }
        return { ...(JSON.parse(decrypt(prior.responseEnc, encryptionKey)) as Receipt), replayed: true };
      }
    }

    const descriptionNorm = normalizeText(input.description);
    // Only forwarded messages (no link) are matched by text; links identify content better.
    const bands = links.length === 0 ? bandKeys(descriptionNorm) : [];
    const submittedAt = opts.now ?? new Date();
    const incoming = {
      kind: input.kind,
      category: input.category,
      description: input.description,
      descriptionNorm,
      platform,
      locale: input.locale ?? opts.locale,
      canonicalUrls: [...new Set(links.map((l) => l.canonicalUrl))],
      bandKeys: bands,
      at: submittedAt,
    };
    const { caseId, opened } = await attachToCase(tx, incoming);

    const receipt = opts.receipt ?? newReceipt();
    const [row] = await tx
      .insert(reports)
      .values({
        receiptHash: hashReceipt(receipt),
        kind: input.kind,
        category: input.category,
        platform,
        description: input.description,
        descriptionNorm,
        seenAt: input.seenAt ?? null,
        contactEnc: contact ? encrypt(JSON.stringify(contact), encryptionKey) : null,
        locale: input.locale ?? opts.locale,
        caseId,
        submittedAt,
      })
      .returning({ id: reports.id, submittedAt: reports.submittedAt });
    if (links.length > 0) {
      await tx.insert(reportLinks).values(links.map((l) => ({ ...l, reportId: row.id })));
    }
    if (bands.length > 0) {
      await tx.insert(reportTextBands).values(bands.map((bandKey) => ({ bandKey, reportId: row.id })));
    }
    const result: Receipt = { receipt: formatReceipt(receipt), status: "received", submittedAt: row.submittedAt.toISOString() };
    // Hot roll-up rows are locked last, for as short a time as possible.
    await bump(tx, ...intakeBumps(incoming, opened));
    if (keyHash) {
      await tx
        .update(idempotencyKeys)
        .set({ reportId: row.id, responseEnc: encrypt(JSON.stringify(result), encryptionKey) })
        .where(eq(idempotencyKeys.keyHash, keyHash));
    }
    return { ...result, replayed: false };
  });
}

/** Forgets replay answers (they hold receipts) once the retry window has passed. */
export async function purgeIdempotencyKeys(db: Db, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_WINDOW_HOURS * 3600_000);
  await db.delete(idempotencyKeys).where(and(lt(idempotencyKeys.createdAt, cutoff)));
}
