import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDb } from "@/lib/testing/db";
import * as vocabulary from "@/lib/vocabulary";

// The migrated database checks exactly the lists the app speaks (lib/vocabulary.ts): a value
// added in TypeScript without a migration, or the reverse, fails here.
const conn = withTestDb();

const CHECKS: Record<string, readonly string[]> = {
  reports_kind_check: vocabulary.KINDS,
  reports_locale_check: vocabulary.LOCALES,
  cases_kind_check: vocabulary.KINDS,
  cases_priority_check: vocabulary.PRIORITIES,
  cases_status_check: vocabulary.CASE_STATUSES,
  statements_type_check: vocabulary.STATEMENT_TYPES,
  statements_status_check: vocabulary.STATEMENT_STATUSES,
  statements_amendment_check: vocabulary.AMENDMENT_STATUSES,
  media_kind_check: vocabulary.MEDIA_KINDS,
};

describe("CHECK constraints", () => {
  it.each(Object.entries(CHECKS))("%s allows exactly the app's list", async (name, values) => {
    const { rows } = await conn.db.execute(
      sql`select pg_get_constraintdef(oid) as def from pg_constraint where conname = ${name}`,
    );
    const def = (rows[0] as { def: string }).def;
    const listed = [...def.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...values].sort());
  });

  it("the open queue's partial indexes cover exactly the open statuses", async () => {
    const { rows } = await conn.db.execute(
      sql`select indexdef from pg_indexes where indexname like 'cases_open_%'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const { indexdef } of rows as { indexdef: string }[])
      expect([...indexdef.matchAll(/'([^']*)'/g)].map((m) => m[1]).sort()).toEqual(
        [...vocabulary.OPEN_STATUSES].sort(),
      );
  });
});
