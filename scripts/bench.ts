// npm run bench — measures the targets of the benchmark issue against DATABASE_URL (required,
// filled with `npm run db:generate -- --reports N`), prints a table and writes BENCHMARKS.md.
// Timings that depend on the machine are compared as ratios measured in the same run.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { env } from "@/lib/env";
import { add, median, rows, rssOf, serverPid, startServer, stop, waitFor } from "./bench/common";
import { httpScenarios } from "./bench/http";
import { embeddedImagesScenario, imageMatchScenario, imageScenarios } from "./bench/images";
import { answerScenario } from "./bench/answer";
import { mailScenario } from "./bench/mail";
import { pageScenarios } from "./bench/page";
import { queueInputs, sqlScenarios } from "./bench/sql";

// 7. Embedded start, median of 3: an empty data folder each time (migrations and demo seed
// included), then a start on the folder the last one left.
async function embeddedStart() {
  const port = 3401;
  const startOnce = async (dir: string) => {
    const started = Date.now();
    const server = await startServer(port, { DATABASE_URL: "", DATA_DIR: dir });
    try {
      await waitFor(`http://127.0.0.1:${port}/ar`, 180_000);
      return {
        seconds: (Date.now() - started) / 1000,
        peak: rssOf(serverPid(server.pid!), "VmHWM"),
      };
    } finally {
      await stop(server);
    }
  };
  const dirs: string[] = [];
  const empty = [];
  for (let run = 0; run < 3; run++) {
    dirs.push(fs.mkdtempSync(path.join(os.tmpdir(), "iblagh-bench-")));
    empty.push(await startOnce(dirs.at(-1)!));
  }
  const existing = [];
  for (let run = 0; run < 3; run++) existing.push(await startOnce(dirs.at(-1)!));
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  for (const [label, runs] of [
    ["empty (migrate + demo seed)", empty],
    ["existing", existing],
  ] as const) {
    const secs = runs.map((r) => r.seconds);
    add(
      `Embedded start, ${label}: npm start → first 200 of /ar`,
      `${median(secs).toFixed(1)} s (runs ${secs.map((x) => x.toFixed(1)).join(", ")}), server peak RSS ${Math.max(...runs.map((r) => r.peak)).toFixed(0)} MB`,
      "reported",
      null,
    );
  }
}

async function main() {
  if (!env.DATABASE_URL)
    throw new Error(
      "DATABASE_URL is required (fill it with npm run db:generate -- --reports 1000000).",
    );
  const only = process.argv.slice(2);
  const want = (s: string) => only.length === 0 || only.includes(s);
  // The HTTP scenarios need a staff member and a page-200 cursor; a run without "sql" finds them quietly.
  const staff = want("sql") ? await sqlScenarios(env.DATABASE_URL) : undefined;
  if (want("page")) {
    await pageScenarios({
      DATABASE_URL: env.DATABASE_URL,
      AUTH_SECRET: env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret",
      ENCRYPTION_KEY: env.ENCRYPTION_KEY ?? Buffer.alloc(32, 1).toString("base64"),
    });
  }
  if (want("http"))
    await httpScenarios(env.DATABASE_URL, staff ?? (await queueInputs(env.DATABASE_URL)));
  if (want("start")) await embeddedStart();
  if (want("images")) await imageScenarios(env.DATABASE_URL);
  if (want("images") || want("match")) await imageMatchScenario(env.DATABASE_URL);
  if (want("images") || want("embedded-images")) await embeddedImagesScenario();
  if (want("sql") || want("answer")) await answerScenario(env.DATABASE_URL);
  if (want("mail")) mailScenario(env.DATABASE_URL);
  const cpu = os.cpus()[0]?.model ?? "unknown";
  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, PostgreSQL at DATABASE_URL.`,
    "Commands: `DATABASE_URL=… npm run db:generate -- --reports 1000000` then `DATABASE_URL=… npm run build && npm run bench`.",
    "Load comes from autocannon in the bench process (32 connections, 8 s, median of 3 runs; a ratio is the median of 3 ratios of runs made back to back); the server is `npm start` (scripts/server.mjs) in its own process. SQL scenarios: median of 3 runs on a fresh connection each; SQL time is the sum of EXPLAIN ANALYZE execution times of the statements a call runs.",
    "",
    "| Scenario | Measured | Target | |",
    "|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.value} | ${r.target} | ${r.ok === null ? "" : r.ok ? "met" : "**missed**"} |`,
    ),
  ].join("\n");
  // The latest run replaces the block between the markers; the analysis around it is kept.
  if (only.length > 0) {
    console.log("\n(partial run: BENCHMARKS.md is written by a full run only)");
    return;
  }
  const START = "<!-- bench:start -->";
  const END = "<!-- bench:end -->";
  const old = fs.existsSync("BENCHMARKS.md")
    ? fs.readFileSync("BENCHMARKS.md", "utf8")
    : `# Benchmarks\n\n${START}\n${END}\n`;
  const [head, rest] = old.includes(START)
    ? old.split(START)
    : [`# Benchmarks\n\n`, `\n${END}\n${old}`];
  fs.writeFileSync(
    "BENCHMARKS.md",
    `${head}${START}\n${table}\n${END}${rest.split(END)[1] ?? "\n"}`,
  );
  console.log("\nwrote BENCHMARKS.md");
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
