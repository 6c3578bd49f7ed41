import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { connectPostgres, openPglite, pgliteConnection } from "@/lib/db/connect";

export type DbTemplate = { engine: "pglite"; file: string } | { engine: "postgres"; url: string };

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplate: DbTemplate;
  }
}

// Creating and migrating a database is slow (PGlite: seconds); do it once, then every test
// file starts from a copy: a PGlite data-dir dump, or CREATE DATABASE … TEMPLATE on a server.
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const conn = connectPostgres(url, { max: 1 });
    await conn.migrate();
    await conn.close();
    project.provide("dbTemplate", { engine: "postgres", url });
    return;
  }
  const pg = await openPglite(undefined);
  await pgliteConnection(pg).migrate();
  const dump = await pg.dumpDataDir("none");
  await pg.close();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "iblagh-pglite-"));
  const file = path.join(dir, "template.tar");
  await fs.writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("dbTemplate", { engine: "pglite", file });
  return async () => {
    await fs.rm(dir, { recursive: true, force: true });
  };
}
