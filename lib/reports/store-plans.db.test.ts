import { like, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseLinks } from "@/lib/db/schema";
import { withTestDb } from "@/lib/testing/db";
import { report, reportOfReceipt } from "@/lib/testing/fixtures";
import { storeReports } from "./store";
import { reportSchema } from "./schema";

// Intake must read a handful of rows per report however many cases exist, whatever the
// planner's statistics say: a young install, a database just restored (no statistics until
// ANALYZE) and one grown since its last ANALYZE all take surges. Read from the transaction's own
// counters (pg_stat_xact_user_tables), so the test needs no timing.
const conn = withTestDb();
const OPEN_CASES = 3000;

async function openCasesWithLinks(n: number) {
  await conn.db.execute(sql`
    with c as (
      insert into cases (kind, category, summary, search_text, platforms, report_count, first_report_at, latest_report_at, status_changed_at)
      select 'rumor', 'fake_incident', 'حالة ' || g, 'حاله ' || g, '{x}', 1, now(), now(), now() from generate_series(1, ${n}) g
      returning id, ref)
    insert into case_links (canonical_url, case_id) select 'https://example.org/plans/' || ref, id from c`);
}

/** Stores a batch that takes every path (new link, known link, forwarded message matched by
 * text) and returns the rows it read from the two tables that grow with the cases. */
async function rowsReadByIntake(): Promise<Record<string, number>> {
  const text = "رسالة متداولة عن انقطاع الماء في كل أحياء المدينة غدا صباحا حسب مصدر مجهول";
  const forwarded = await report(conn.db, { description: text });
  const [known] = await conn.db
    .select()
    .from(caseLinks)
    .where(like(caseLinks.canonicalUrl, "https://example.org/plans/%"))
    .limit(1);
  const input = (patch: Record<string, unknown>) => ({
    input: reportSchema.parse({
      kind: "rumor",
      category: "fake_incident",
      declaration: true,
      description: "خبر زائف عن حادث في الطريق السيار",
      ...patch,
    }),
    opts: { locale: "ar" as const },
  });
  // Counts not yet flushed would add the reads of earlier transactions to this one's.
  await conn.db.execute(sql`select pg_stat_force_next_flush()`);
  return conn.db.transaction(async (tx) => {
    const out = await storeReports(tx, [
      input({ urls: [`https://x.com/new/status/${Date.now()}`] }),
      input({ urls: [known.canonicalUrl] }),
      input({ platform: "whatsapp", description: `${text}!` }),
    ]);
    const counts = await tx.execute(sql`
      select relname, coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) as n from pg_stat_xact_user_tables
      where relname in ('cases', 'case_links')`);
    const caseIds = await Promise.all(
      out.map((o) =>
        o.ok ? reportOfReceipt(tx, o.value.receipt).then((r) => r?.caseId) : undefined,
      ),
    );
    expect(caseIds[1]).toBe(known.caseId);
    expect(caseIds[2]).toBe(forwarded.caseId);
    expect(new Set(caseIds).size).toBe(3);
    return Object.fromEntries(
      (counts.rows as { relname: string; n: string | number }[]).map((r) => [
        r.relname,
        Number(r.n),
      ]),
    );
  });
}

function expectAHandful(read: Record<string, number>) {
  // The batch reads some: a test of nothing would pass too.
  expect(read.cases).toBeGreaterThan(0);
  for (const table of ["cases", "case_links"])
    expect.soft(read[table] ?? 0, table).toBeLessThan(50);
}

describe("intake's reads per report", () => {
  beforeAll(() => openCasesWithLinks(OPEN_CASES));

  it("stay a handful among thousands of open cases, before any ANALYZE", async () => {
    expectAHandful(await rowsReadByIntake());
  });

  it("stay a handful with statistics taken on a young database", async () => {
    await conn.db.execute(sql`analyze`);
    expectAHandful(await rowsReadByIntake());
  });
});
