import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import type { Executor } from "@/lib/db/connect";
import { env } from "@/lib/env";
import { ExpectedError } from "@/lib/errors";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { cases, reports } from "@/lib/db/schema";
import { isFinal, publicStatusOf, type CaseStatus, type PublicStatus } from "@/lib/cases/workflow";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { inLocale, statementForCase } from "@/lib/statements/public";
import { hashReceipt, parseReceipt } from "@/lib/text/receipt";

const WINDOW_SECONDS = 600;

export type { PublicStatus };

export interface TrackedReport {
  status: PublicStatus;
  updatedAt: string;
  outcome?: string;
  /** The published statement that answers the report: in the reader's language if it exists, else the report's, else Arabic. */
  statementUrl?: string;
}

/**
 * What a reporter may see about their own report, and nothing else. An unknown and a malformed
 * receipt are answered the same way, after the same lookup, so neither leaks which it was.
 */
export async function trackReport(
  db: Executor,
  typed: string,
  reader?: Locale,
): Promise<TrackedReport | null> {
  const canonical = parseReceipt(typed);
  const hash = hashReceipt(canonical ?? `invalid:${String(typed).slice(0, 64)}`);
  const [row] = await db
    .select({
      submittedAt: reports.submittedAt,
      locale: reports.locale,
      caseId: cases.id,
      status: cases.status,
      changedAt: cases.statusChangedAt,
      mergedIntoId: cases.mergedIntoId,
    })
    .from(reports)
    .innerJoin(cases, eq(cases.id, reports.caseId))
    .where(eq(reports.receiptHash, hash))
    .limit(1);
  if (!row || !canonical) return null;

  // Merging moves reports to the surviving case; data loaded by other means may still point at
  // a case closed as a duplicate, which then answers with the case that carried on.
  let current = {
    caseId: row.caseId,
    status: row.status,
    changedAt: row.changedAt,
    mergedIntoId: row.mergedIntoId,
  };
  for (let hops = 0; current.status === "duplicate" && current.mergedIntoId && hops < 5; hops++) {
    const [next] = await db
      .select({
        caseId: cases.id,
        status: cases.status,
        changedAt: cases.statusChangedAt,
        mergedIntoId: cases.mergedIntoId,
      })
      .from(cases)
      .where(eq(cases.id, current.mergedIntoId));
    if (!next) break;
    current = next;
  }
  const status = current.status as CaseStatus;
  const statement = isFinal(status) ? await statementForCase(db, current.caseId) : null;
  const wanted = reader ?? (isLocale(row.locale) ? row.locale : undefined);
  const lang = statement && wanted ? inLocale(statement.content, wanted).locale : "ar";
  const updatedAt = new Date(Math.max(row.submittedAt.getTime(), current.changedAt.getTime()));
  return {
    status: publicStatusOf(status),
    updatedAt: updatedAt.toISOString(),
    ...(isFinal(status) && status !== "duplicate" ? { outcome: status } : {}),
    ...(statement ? { statementUrl: `/${lang}/statements/${statement.slug}` } : {}),
  };
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
