import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/connect";
import { reports } from "@/lib/db/schema";
import { hashReceipt, parseReceipt } from "@/lib/text/receipt";

export type PublicStatus = "received" | "in_review" | "closed";

export interface TrackedReport {
  status: PublicStatus;
  updatedAt: string;
  outcome?: string;
}

/**
 * What a reporter may see about their own report, and nothing else. An unknown and a malformed
 * receipt are answered the same way, after the same lookup, so neither leaks which it was.
 */
export async function trackReport(db: Executor, typed: string): Promise<TrackedReport | null> {
  const canonical = parseReceipt(typed);
  const hash = hashReceipt(canonical ?? `invalid:${String(typed).slice(0, 64)}`);
  const [row] = await db
    .select({ status: reports.status, updatedAt: reports.statusChangedAt, outcome: reports.outcome })
    .from(reports)
    .where(eq(reports.receiptHash, hash))
    .limit(1);
  if (!row || !canonical) return null;
  return {
    status: row.status as PublicStatus,
    updatedAt: row.updatedAt.toISOString(),
    ...(row.status === "closed" && row.outcome ? { outcome: row.outcome } : {}),
  };
}
