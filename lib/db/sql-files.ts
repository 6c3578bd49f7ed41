import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Repeatable SQL files (Flyway's model): one file per database function under
 * drizzle/functions, each `CREATE OR REPLACE`, applied after the versioned migrations and
 * recorded by checksum. A file whose text changed is applied again, once; the others are left
 * alone. A function's current body is read in its own file, not in the latest migration that
 * restated it. Versioned migrations, once applied, are never edited (drizzle/checksums.json).
 */
export const FUNCTIONS_FOLDER = path.join(process.cwd(), "drizzle", "functions");

/** What applying needs of a connection: one statement at a time, on one session. */
export interface SqlRunner {
  query(text: string): Promise<{ rows: unknown[] }>;
}

const FILE_NAME = /^[\w.-]+\.sql$/;

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Applies the folder's changed or new files in name order, each in its own transaction; returns their names. */
export async function applySqlFiles(run: SqlRunner, folder = FUNCTIONS_FOLDER): Promise<string[]> {
  if (!fs.existsSync(folder)) return [];
  await run.query(
    `create table if not exists iblagh_sql_files (name text primary key, checksum text not null, applied_at timestamptz not null default now())`,
  );
  const { rows } = await run.query(`select name, checksum from iblagh_sql_files`);
  const applied = new Map(
    (rows as { name: string; checksum: string }[]).map((r) => [r.name, r.checksum]),
  );
  const done: string[] = [];
  // Names and checksums are written into the statement: only plain file names are read.
  for (const name of fs
    .readdirSync(folder)
    .filter((f) => FILE_NAME.test(f))
    .sort()) {
    const text = fs.readFileSync(path.join(folder, name), "utf8");
    const checksum = sha256(text);
    if (applied.get(name) === checksum) continue;
    await run.query("begin");
    try {
      await run.query(text);
      await run.query(
        `insert into iblagh_sql_files (name, checksum) values ('${name}', '${checksum}') on conflict (name) do update set checksum = excluded.checksum, applied_at = now()`,
      );
      await run.query("commit");
    } catch (error) {
      await run.query("rollback");
      throw error;
    }
    done.push(name);
  }
  return done;
}
