import "server-only";
import { lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/connect";
import { rateLimits } from "@/lib/db/schema";

export type RateLimitResult = { ok: true } | { ok: false; retryAfter: number };

/**
 * Fixed-window counter kept in Postgres, so every app instance sees the same count.
 * `limit` 0 turns the limit off.
 */
export async function hitRateLimit(db: Db, bucket: string, limit: number, windowSeconds: number, now = new Date()): Promise<RateLimitResult> {
  if (limit <= 0) return { ok: true };
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ bucket, windowStart, hits: 1 })
    .onConflictDoUpdate({ target: [rateLimits.bucket, rateLimits.windowStart], set: { hits: sql`${rateLimits.hits} + 1` } })
    .returning({ hits: rateLimits.hits });
  if (row.hits <= limit) return { ok: true };
  return { ok: false, retryAfter: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)) };
}

export async function purgeRateLimits(db: Db, now = new Date()): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 24 * 3600_000)));
}
