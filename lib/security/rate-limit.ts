import "server-only";
import { lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/connect";
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
 * `limit` 0 turns the limit off. The counter is iblagh_claim_rate (drizzle/functions), which
 * iblagh_store_reports also calls for the reports' own limit.
 */
export async function hitRateLimit(
  db: Db,
  bucket: string,
  limit: number,
  windowSeconds: number,
  now = new Date(),
): Promise<RateLimitResult> {
  if (limit <= 0) return { ok: true };
  const { windowStart, retryAfter } = rateWindow({ windowSeconds }, now);
  const { rows } = await db.execute(
    sql`select iblagh_claim_rate(${bucket}, ${windowStart.toISOString()}::timestamptz) as hits`,
  );
  return (rows[0] as { hits: number }).hits <= limit ? { ok: true } : { ok: false, retryAfter };
}

/** The fixed window a hit falls in, and the seconds until it ends (what a refusal tells). */
export function rateWindow(
  hit: Pick<RateLimitHit, "windowSeconds">,
  now: Date,
): { windowStart: Date; retryAfter: number } {
  const windowMs = hit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  return {
    windowStart,
    retryAfter: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)),
  };
}

export async function purgeRateLimits(db: Db, now = new Date()): Promise<void> {
  await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, new Date(now.getTime() - 24 * 3600_000)));
}
