import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { Client } from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { connectPostgres, openPglite, pgliteConnection, type Connection } from "@/lib/db/connect";

/** A migrated, empty database of its own for one test file, on whichever engine the run uses. */
export async function createTestDb(): Promise<Connection> {
  const template = inject("dbTemplate");
  if (template.engine === "pglite") {
    const pg = await openPglite(undefined, new Blob([await fs.readFile(template.file)]));
    return pgliteConnection(pg);
  }
  const base = new URL(template.url);
  const templateName = base.pathname.slice(1);
  const name = `${templateName}_t_${randomBytes(4).toString("hex")}`;
  const admin = new URL(template.url);
  admin.pathname = "/postgres";
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`create database "${name}" template "${templateName}"`);
  await client.end();
  const url = new URL(template.url);
  url.pathname = `/${name}`;
  const conn = connectPostgres(url.toString());
  return {
    ...conn,
    async close() {
      await conn.close();
      const c = new Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

/**
 * Gives the test file its own database for all its tests: `conn.db` inside a test. Register it
 * before any hook that uses the database (hooks run in order).
 */
export function withTestDb(): { readonly db: Connection["db"] } {
  let conn: Connection | undefined;
  beforeAll(async () => {
    conn = await createTestDb();
  });
  afterAll(async () => {
    await conn?.close();
  });
  return {
    get db() {
      if (!conn) throw new Error("withTestDb: the database is only there inside hooks and tests");
      return conn.db;
    },
  };
}
