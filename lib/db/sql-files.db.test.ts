import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDb } from "@/lib/testing/db";
import { applySqlFiles, FUNCTIONS_FOLDER, sha256, type SqlRunner } from "./sql-files";

const conn = withTestDb();

// The test database's own session, as the migrator gets it.
const runner = (): SqlRunner => ({
  query: async (text) => ({ rows: (await conn.db.execute(sql.raw(text))).rows }),
});
const answer = async () =>
  ((await conn.db.execute(sql`select iblagh_test_answer() as a`)).rows[0] as { a: number }).a;

describe("repeatable SQL files", () => {
  it("applies a new file, leaves an unchanged one alone, and applies a changed one again, once", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "iblagh-sql-"));
    const file = path.join(folder, "iblagh_test_answer.sql");
    fs.writeFileSync(
      file,
      "CREATE OR REPLACE FUNCTION iblagh_test_answer() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;",
    );
    expect(await applySqlFiles(runner(), folder)).toEqual(["iblagh_test_answer.sql"]);
    expect(await answer()).toBe(1);
    expect(await applySqlFiles(runner(), folder)).toEqual([]);

    fs.writeFileSync(
      file,
      "CREATE OR REPLACE FUNCTION iblagh_test_answer() RETURNS int LANGUAGE sql AS $$ SELECT 2 $$;",
    );
    expect(await applySqlFiles(runner(), folder)).toEqual(["iblagh_test_answer.sql"]);
    expect(await answer()).toBe(2);
    expect(await applySqlFiles(runner(), folder)).toEqual([]);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("a file that fails is not recorded and changes nothing", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "iblagh-sql-"));
    fs.writeFileSync(
      path.join(folder, "broken.sql"),
      "CREATE OR REPLACE FUNCTION iblagh_broken() RETURNS int LANGUAGE sql AS $$ SELECT nope $$;",
    );
    await expect(applySqlFiles(runner(), folder)).rejects.toThrow();
    const { rows } = await conn.db.execute(
      sql`select count(*)::int as n from iblagh_sql_files where name = 'broken.sql'`,
    );
    expect((rows[0] as { n: number }).n).toBe(0);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("the migrated database runs every function file as it is in the repository", async () => {
    const files = fs.readdirSync(FUNCTIONS_FOLDER).filter((f) => f.endsWith(".sql"));
    expect(files).toContain("iblagh_store_reports.sql");
    const { rows } = await conn.db.execute(sql`select name, checksum from iblagh_sql_files`);
    const recorded = new Map(
      (rows as { name: string; checksum: string }[]).map((r) => [r.name, r.checksum]),
    );
    for (const f of files)
      expect(recorded.get(f), f).toBe(
        sha256(fs.readFileSync(path.join(FUNCTIONS_FOLDER, f), "utf8")),
      );
    // Nothing left to apply right after migrating.
    expect(await applySqlFiles(runner())).toEqual([]);
  });
});
