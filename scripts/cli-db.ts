// The database for a command-line tool: the Postgres server at DATABASE_URL, or the embedded
// database when the app that owns it is not running.
import fs from "node:fs";
import { connectPostgres, openPglite, pgliteConnection, type Connection } from "@/lib/db/connect";
import { embeddedOwner } from "@/lib/db/embedded-lock";
import { env } from "@/lib/env";

export async function openCliDb(): Promise<Connection> {
  if (env.DATABASE_URL) {
    const conn = connectPostgres(env.DATABASE_URL, { max: 2 });
    await conn.migrate();
    return conn;
  }
  const owner = embeddedOwner(env.pgliteDir);
  if (owner) {
    console.error(
      `The app (pid ${owner}) is using ${env.pgliteDir}. Stop it first: two processes on one embedded database corrupt it.`,
    );
    process.exit(1);
  }
  fs.mkdirSync(env.pgliteDir, { recursive: true });
  const conn = pgliteConnection(await openPglite(env.pgliteDir));
  await conn.migrate();
  return conn;
}

export function fail(error: unknown): never {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
