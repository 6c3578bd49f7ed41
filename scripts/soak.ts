// npm run soak -- [--reports 12000] [--connections 16] [--seconds 600] [--db-restart "command"]
// Against DATABASE_URL and a production build (npm run build): reports sent with an idempotency
// key each and retried under it, while the app is killed with SIGKILL and started again, and
// PostgreSQL is restarted by the given command; then every acknowledged receipt is looked up by
// SQL. Also compares the valid reports' throughput with 10% poisoned inputs against a clean run.
// Prints the figures, writes them to docs/reliability.md, exits 1 when the gate fails.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Pool } from "pg";
import { env } from "@/lib/env";
import { hashReceipt, parseReceipt } from "@/lib/text/receipt";
import { median, serverPid, startServer, stop, waitFor } from "./bench/common";
import { newTally, sendAll, type Tally } from "./soak/client";
import { writeReliability } from "./soak/report";

const { values: args } = parseArgs({
  options: {
    reports: { type: "string", default: "12000" },
    connections: { type: "string", default: "16" },
    seconds: { type: "string", default: "600" },
    "db-restart": { type: "string" },
    port: { type: "string", default: "3500" },
  },
});
const N = Number(args.reports);
const C = Number(args.connections);
const PORT = Number(args.port);
const BASE = `http://127.0.0.1:${PORT}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  if (!env.DATABASE_URL)
    throw new Error("DATABASE_URL is required: the soak runs against a PostgreSQL server.");
  if (!fs.existsSync(".next/BUILD_ID"))
    throw new Error("No production build: run npm run build first.");
  if (!Number.isInteger(N) || N < 100 || !Number.isInteger(C) || C < 1)
    throw new Error("--reports N (≥ 100), --connections C (≥ 1)");
  const deadline = Date.now() + Number(args.seconds) * 1000;
  const marker = `soak${Date.now().toString(36)}`;
  const logFile = path.join(os.tmpdir(), `iblagh-${marker}.log`);
  const serverEnv = {
    DATABASE_URL: env.DATABASE_URL,
    RATE_LIMIT_REPORTS: "0",
    AUTH_SECRET: env.AUTH_SECRET ?? "soak-secret-soak-secret-soak-secret-soak",
    ENCRYPTION_KEY: env.ENCRYPTION_KEY ?? Buffer.alloc(32, 7).toString("base64"),
  };
  let server = await startServer(PORT, serverEnv, logFile);
  await waitFor(`${BASE}/api/health`, 60_000);
  const tally = newTally();
  let n = 0;
  // `count` reports, every `poisonEvery`-th one poisoned; or, with `until`, as long as it says.
  const plan = (count: number, poisonEvery = 0, until?: () => boolean) => {
    let i = 0;
    return {
      url: `${BASE}/api/v1/reports`,
      marker,
      connections: C,
      deadline,
      next: () => {
        if (until ? !until() : i >= count) return null;
        i++;
        return { n: n++, poison: poisonEvery && i % poisonEvery === 0 ? i : null };
      },
    };
  };

  // 1. Throughput of valid reports, clean against 10% poisoned: five pairs run back to back
  // (the machine's pace drifts over minutes, much less over seconds), two thirds of the count.
  await sendAll(plan(100), tally);
  const part = Math.floor(N / 15);
  const ratios: number[] = [];
  const rates = { clean: [] as number[], poisoned: [] as number[] };
  for (let round = 0; round < 5; round++) {
    const t0 = Date.now();
    await sendAll(plan(part), tally);
    const clean = part / ((Date.now() - t0) / 1000);
    // Every tenth request poisoned: `part` valid reports plus a ninth as many poisoned ones.
    const withPoison = Math.round((part * 10) / 9);
    const t1 = Date.now();
    await sendAll(plan(withPoison, 10), tally);
    const poisoned = (withPoison - Math.floor(withPoison / 10)) / ((Date.now() - t1) / 1000);
    rates.clean.push(clean);
    rates.poisoned.push(poisoned);
    ratios.push(poisoned / clean);
  }

  // 2. Disruptions under load: kill -9 of the app, then PostgreSQL restarted. The load goes on
  // until the last disruption has been over for 3 s, or the remaining count is sent.
  const rest = Math.max(N - n, 200);
  const events: { what: string; at: number; until: number; recoveredMs?: number }[] = [];
  let settledAt = Infinity;
  const disruptedFrom = n;
  const load = sendAll(
    plan(rest, 0, () => n - disruptedFrom < rest * 4 && Date.now() < settledAt + 3000),
    tally,
  );
  const sentSince = () => n - disruptedFrom;
  const control = (async () => {
    while (sentSince() < rest * 0.25 && Date.now() < deadline) await sleep(20);
    const at = Date.now();
    process.kill(-server.pid!, "SIGKILL");
    await stop(server); // returns once the killed group is gone and its port free
    server = await startServer(PORT, serverEnv, logFile);
    await waitFor(`${BASE}/api/health`, 120_000);
    events.push({ what: "app killed with SIGKILL, started again", at, until: Date.now() });
    if (args["db-restart"]) {
      const since = sentSince();
      while (sentSince() - since < rest * 0.25 && Date.now() < deadline) await sleep(20);
      const appPid = serverPid(server.pid!);
      const dbAt = Date.now();
      await new Promise<void>((resolve, reject) =>
        spawn("sh", ["-c", args["db-restart"]!], { stdio: "inherit" }).on("exit", (code) =>
          code === 0 ? resolve() : reject(new Error(`--db-restart exited ${code}`)),
        ),
      );
      events.push({
        what: `PostgreSQL restarted (\`${args["db-restart"]}\`), app kept running`,
        at: dbAt,
        until: Date.now(),
      });
      if (serverPid(server.pid!) !== appPid)
        throw new Error("the app restarted during the database restart");
    }
    settledAt = Date.now();
  })();
  await Promise.all([load, control]);
  // Recovery: from the disruption's start to the first acknowledgement after it ended.
  for (const e of events) {
    const first = tally.ackTimes.find((t) => t >= e.until);
    e.recoveredMs = first === undefined ? undefined : first - e.at;
  }
  await stop(server);

  const stored = await countStored(marker, tally);
  const leaked = fs
    .readFileSync(logFile, "utf8")
    .split("\n")
    .filter((l) => l.includes(marker)).length;
  fs.rmSync(logFile, { force: true });
  const figures = {
    marker,
    N,
    C,
    tally,
    stored,
    leaked,
    events,
    ratios,
    rates,
    dbRestart: args["db-restart"],
  };
  const ok =
    stored.lost === 0 &&
    stored.duplicates === 0 &&
    tally.unexpected5xx === 0 &&
    tally.gaveUp === 0 &&
    leaked === 0 &&
    tally.poisonAccepted === 0 &&
    events.every((e) => e.recoveredMs !== undefined) &&
    median(ratios) >= 0.9;
  writeReliability(figures, ok);
  process.exit(ok ? 0 : 1);
}

/** Every report of this run as the database holds it, against what the clients were told. */
async function countStored(marker: string, tally: Tally) {
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 1 });
  try {
    const { rows } = await pool.query<{ receipt_hash: string; n: string }>(
      // The marker opens each description: a prefix match, and the number after it.
      `select receipt_hash, split_part(description, ' ', 2) as n from reports where description like $1`,
      [`${marker} %`],
    );
    const hashes = new Set(rows.map((r) => r.receipt_hash));
    const numbers = new Set(rows.map((r) => r.n));
    let lost = 0;
    for (const receipt of tally.acknowledged.values())
      if (!hashes.has(hashReceipt(parseReceipt(receipt)!))) lost++;
    const unacknowledged = [...numbers].filter((x) => !tally.acknowledged.has(Number(x))).length;
    return {
      stored: rows.length,
      distinct: numbers.size,
      duplicates: rows.length - numbers.size,
      lost,
      unacknowledged,
    };
  } finally {
    await pool.end();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
