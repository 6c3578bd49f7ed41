import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { Pool } from "pg";
import * as schema from "./schema";
import { applySqlFiles } from "./sql-files";

// Both drivers expose the same query builder; the node-postgres type stands for both.
export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Query functions take either the database or an open transaction. */
export type Executor = Db | Tx;

export type Engine = "pglite" | "postgres";
export interface Connection {
  db: Db;
  engine: Engine;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");
const MIGRATION_LOCK = 7_420_615_001; // arbitrary, shared by every app instance

export function connectPostgres(url: string, opts: { max?: number } = {}): Connection {
  const pool = new Pool({
    connectionString: url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: 5_000,
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  const db = drizzlePg({ client: pool, schema, casing: "snake_case" });
  return {
    db,
    engine: "postgres",
    async migrate() {
      // Several instances may start at once: one migrates, the others wait for it.
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
        await migratePg(drizzlePg({ client, casing: "snake_case" }), {
          migrationsFolder: MIGRATIONS_FOLDER,
        });
        await applySqlFiles({ query: (text) => client.query(text) });
      } finally {
        await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export function pgliteConnection(client: PGlite): Connection {
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    engine: "pglite",
    async migrate() {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
      // The simple protocol, as node-postgres uses for a text without parameters: a function's
      // file may hold more than one statement (a DROP before a changed signature).
      await applySqlFiles({
        query: async (text) => ({ rows: (await client.exec(text)).at(-1)?.rows ?? [] }),
      });
    },
    close: () => client.close(),
  };
}

// Extensions the migrations create (CREATE EXTENSION) must be loaded into PGlite first.
const extensions = { pg_trgm };

export async function openPglite(dir: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  // Options go in the second argument: with an undefined first argument they would be dropped.
  return dir
    ? PGlite.create(dir, { loadDataDir, extensions })
    : PGlite.create({ loadDataDir, extensions });
}
