import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "./connect";

/**
 * PGlite runs PostgreSQL in single-user mode, which has no autovacuum: left alone, an embedded
 * database is never analysed (the planner guesses every row count, for as long as it lives) and
 * never vacuumed (the case row each report updates, the counters, the purged keys are never
 * reclaimed, and the folder only grows). So the app does autovacuum's work, once soon after
 * start and then every hour. VACUUM reads only the pages changed since it last ran (the
 * visibility map), so a run costs what the hour changed (0.4–0.6 s on 200,000 reports here,
 * mostly ANALYZE's sample); requests wait for it meanwhile, as they wait for each other on the
 * one connection. A PostgreSQL server runs its own autovacuum.
 */
const MAINTENANCE_FIRST_MS = 60_000;
const MAINTENANCE_EVERY_MS = 3_600_000;

export async function maintain(db: Db): Promise<void> {
  await db.execute(sql`vacuum (analyze)`);
}

export function scheduleEmbeddedMaintenance(db: Db): void {
  // A failed run is tried again at the next one; nothing waits on it.
  const run = () => void maintain(db).catch(() => {});
  // Timers must not keep a script or a test runner alive.
  setTimeout(run, MAINTENANCE_FIRST_MS).unref();
  setInterval(run, MAINTENANCE_EVERY_MS).unref();
}
