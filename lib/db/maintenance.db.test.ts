import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDb } from "@/lib/testing/db";
import { report } from "@/lib/testing/fixtures";
import { maintain, serverSettings } from "./maintenance";

const conn = withTestDb();

const lastRuns = async () =>
  (
    await conn.db.execute(
      sql`select last_vacuum, last_analyze from pg_stat_user_tables where relname = 'cases'`,
    )
  ).rows[0] as {
    last_vacuum: unknown;
    last_analyze: unknown;
  };

describe("database maintenance (what autovacuum does on a server; PGlite has none)", () => {
  it("reads the server settings that autovacuum depends on", async () => {
    const s = await serverSettings(conn.db);
    expect(["on", "off"]).toContain(s.autovacuum);
    expect(["on", "off"]).toContain(s.trackCounts);
  });

  it("vacuums and analyses the tables, so the planner has statistics", async () => {
    await report(conn.db);
    expect(await lastRuns()).toEqual({ last_vacuum: null, last_analyze: null });
    await maintain(conn.db);
    const runs = await lastRuns();
    expect(runs.last_vacuum).not.toBeNull();
    expect(runs.last_analyze).not.toBeNull();
    const stats = await conn.db.execute(
      sql`select count(*)::int as n from pg_stats where tablename = 'cases'`,
    );
    expect((stats.rows[0] as { n: number }).n).toBeGreaterThan(0);
  });
});
