import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "./connect";

/**
 * PGlite runs PostgreSQL in single-user mode, which has no autovacuum: left alone, an embedded
 * database is never analysed (the planner guesses every row count, for as long as it lives) and
 * never vacuumed (the case row each report updates, the counters, the purged keys are never
 * reclaimed, and the folder only grows). So the app does autovacuum's work, once soon after
 * start and then every hour. VACUUM reads only the pages changed since it last ran (the
 * visibility map), so a run costs what the hour changed, mostly ANALYZE's sample (measured in
 * BENCHMARKS.md); requests wait for it meanwhile, as they wait for each other on the one
 * connection. A PostgreSQL server runs its own autovacuum.
 */
const MAINTENANCE_FIRST_MS = 60_000;
const MAINTENANCE_EVERY_MS = 3_600_000;

export async function maintain(db: Db): Promise<void> {
  await db.execute(sql`vacuum (analyze)`);
}

export interface ServerSettings {
  autovacuum: string;
  trackCounts: string;
}

/**
 * What an operator should hear at start when a PostgreSQL server will not maintain itself:
 * without autovacuum (or the row counters it reads) nothing is ever analysed, and the queue's
 * text search runs 2× slower at a million reports (docs/scaling.md). The intake no longer
 * depends on statistics (drizzle/0011), but dead rows still pile up.
 */
export function maintenanceWarnings(s: ServerSettings): string[] {
  const warnings: string[] = [];
  if (s.trackCounts !== "on")
    warnings.push("track_counts is off: autovacuum cannot see which tables changed");
  if (s.autovacuum !== "on" || s.trackCounts !== "on") {
    const state = s.autovacuum === "on" ? "cannot run" : "is off";
    warnings.push(
      `autovacuum ${state}: tables are never analysed nor vacuumed; turn it on, or run VACUUM (ANALYZE) on a schedule (docs/scaling.md)`,
    );
  }
  return warnings;
}

export async function serverSettings(db: Db): Promise<ServerSettings> {
  const r = await db.execute(
    sql`select current_setting('autovacuum') as autovacuum, current_setting('track_counts') as track_counts`,
  );
  const row = r.rows[0] as { autovacuum: string; track_counts: string };
  return { autovacuum: row.autovacuum, trackCounts: row.track_counts };
}

export function scheduleEmbeddedMaintenance(db: Db): void {
  // A failed run is tried again at the next one; nothing waits on it.
  const run = () => void maintain(db).catch(() => {});
  // Timers must not keep a script or a test runner alive.
  setTimeout(run, MAINTENANCE_FIRST_MS).unref();
  setInterval(run, MAINTENANCE_EVERY_MS).unref();
}
