import "server-only";
import { lt, sql } from "drizzle-orm";
import type { Db, Executor } from "@/lib/db/connect";
import { rateLimits } from "@/lib/db/schema";

export type RateLimitResult = { ok: true } | { ok: false; retryAfter: number };

export interface RateLimitHit {
  bucket: string;
  /** 0 turns the limit off. */
  limit: number;
  windowSeconds: number;
}

/**
 * Fixed-window counter kept in Postgres, so every app instance sees the same count.
 * `limit` 0 turns the limit off.
 */
export async function hitRateLimit(db: Db, bucket: string, limit: number, windowSeconds: number, now = new Date()): Promise<RateLimitResult> {
  const [result] = await hitRateLimits(db, [{ bucket, limit, windowSeconds }], now);
  return result;
}

/**
 * Several hits, in order, in one statement (a batch of reports): the k-th hit of a bucket is
 * judged on the count it would have seen alone. Refused hits are counted too.
 */
export async function hitRateLimits(tx: Executor, hits: RateLimitHit[], now = new Date()): Promise<RateLimitResult[]> {
  const windows = hits.map((h) => rateWindow(h, now));
  const buckets = new Map<string, { bucket: string; windowStart: Date; hits: number }>();
  for (const [i, h] of hits.entries()) {
    if (h.limit <= 0) continue;
    const key = `${h.bucket}\n${windows[i].windowStart.toISOString()}`;
    const b = buckets.get(key) ?? { bucket: h.bucket, windowStart: windows[i].windowStart, hits: 0 };
    b.hits++;
    buckets.set(key, b);
  }
  const after = new Map<string, number>();
  if (buckets.size > 0) {
    const rows = await tx
      .insert(rateLimits)
      .values([...buckets.values()].sort((a, b) => a.bucket.localeCompare(b.bucket)))
      .onConflictDoUpdate({ target: [rateLimits.bucket, rateLimits.windowStart], set: { hits: sql`${rateLimits.hits} + excluded.hits` } })
      .returning({ bucket: rateLimits.bucket, windowStart: rateLimits.windowStart, hits: rateLimits.hits });
    for (const r of rows) after.set(`${r.bucket}\n${r.windowStart.toISOString()}`, r.hits);
  }
  const seen = new Map<string, number>();
  return hits.map((h, i) => {
    if (h.limit <= 0) return { ok: true };
    const key = `${h.bucket}\n${windows[i].windowStart.toISOString()}`;
    const k = (seen.get(key) ?? 0) + 1;
    seen.set(key, k);
    const count = after.get(key)! - buckets.get(key)!.hits + k;
    if (count <= h.limit) return { ok: true };
    return { ok: false, retryAfter: windows[i].retryAfter };
  });
}

/** The fixed window a hit falls in, and the seconds until it ends (what a refusal tells). */
export function rateWindow(hit: Pick<RateLimitHit, "windowSeconds">, now: Date): { windowStart: Date; retryAfter: number } {
  const windowMs = hit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  return { windowStart, retryAfter: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)) };
}

export async function purgeRateLimits(db: Db, now = new Date()): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 24 * 3600_000)));
}
