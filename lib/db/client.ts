import "server-only";
import fs from "node:fs";
import { env } from "@/lib/env";
import { getSecrets } from "@/lib/security/secrets";
import { connectPostgres, openPglite, pgliteConnection, type Connection, type Db } from "./connect";
import { claimEmbedded } from "./embedded-lock";
import { scheduleEmbeddedMaintenance } from "./maintenance";

interface Holder {
  conn: Promise<Connection>;
}

// One connection (one PGlite instance, or one pool) per process, kept on globalThis so that
// dev-server reloads and separately bundled routes share it. A second PGlite on the same data
// folder would silently diverge.
const globalHolder = globalThis as typeof globalThis & { __iblaghDb?: Holder };

async function open(): Promise<Connection> {
  // Fail at start, naming the missing variable, rather than at the first encrypted write.
  getSecrets();
  let conn: Connection;
  if (env.DATABASE_URL) {
    conn = connectPostgres(env.DATABASE_URL);
  } else {
    fs.mkdirSync(env.pgliteDir, { recursive: true });
    claimEmbedded(env.pgliteDir);
    conn = pgliteConnection(await openPglite(env.pgliteDir));
  }
  await conn.migrate();
  if (conn.engine === "pglite") scheduleEmbeddedMaintenance(conn.db);
  return conn;
}

export function getConnection(): Promise<Connection> {
  if (!globalHolder.__iblaghDb) {
    const conn = open();
    globalHolder.__iblaghDb = { conn };
    // A failed start must not be cached forever: the next request tries again.
    conn.catch(() => {
      if (globalHolder.__iblaghDb?.conn === conn) globalHolder.__iblaghDb = undefined;
    });
  }
  return globalHolder.__iblaghDb.conn;
}

export async function getDb(): Promise<Db> {
  return (await getConnection()).db;
}

const readHolder = globalThis as typeof globalThis & { __iblaghReadDb?: Db };

/** The replica when DATABASE_READ_URL is set (with a server database), else the primary. */
export async function getReadDb(): Promise<Db> {
  if (!env.DATABASE_URL || !env.DATABASE_READ_URL) return getDb();
  readHolder.__iblaghReadDb ??= connectPostgres(env.DATABASE_READ_URL).db;
  return readHolder.__iblaghReadDb;
}
