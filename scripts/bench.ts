// npm run bench — measures the targets of the benchmark issue against DATABASE_URL (required,
// filled with `npm run db:generate -- --reports N`), prints a table and writes BENCHMARKS.md.
// Timings that depend on the machine are compared as ratios measured in the same run.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { findCasesByText } from "@/lib/cases/match";
import { countByStatus, listQueue } from "@/lib/cases/queue";
import { OPEN_STATUSES } from "@/lib/cases/workflow";
import { connectPostgres } from "@/lib/db/connect";
import { env } from "@/lib/env";
import { getYearFigures } from "@/lib/stats/figures";
import { bandKeys } from "@/lib/text/minhash";

interface Row {
  scenario: string;
  value: string;
  target: string;
  ok: boolean | null;
}
const rows: Row[] = [];
const add = (scenario: string, value: string, target: string, ok: boolean | null) => {
  rows.push({ scenario, value, target, ok });
  console.log(`${ok === null ? "  " : ok ? "✓ " : "✗ "}${scenario}: ${value} (target ${target})`);
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const median = (xs: number[]) => pct(xs, 50);
const ms = (n: number) => `${n.toFixed(2)} ms`;
async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function sqlScenarios(url: string) {
  const conn = connectPostgres(url, { max: 4 });
  const db = conn.db;
  const [{ n: reportCount }] = (await db.execute(sql`select count(*)::int as n from reports`)).rows as { n: number }[];
  add("Database size", `${reportCount.toLocaleString("en")} reports`, "1,000,000", null);

  // 2. Case matching, as intake does it: by link, and by text for forwarded messages.
  const links = (await db.execute(sql`select canonical_url as u, c.kind from case_links l join cases c on c.id = l.case_id order by random() limit 200`)).rows as { u: string; kind: string }[];
  const linkTimes: number[] = [];
  // The lookup iblagh_intake (drizzle/0007) runs for each report with links.
  const byLink = (l: { u: string; kind: string }) =>
    db.execute(sql`select c.id from case_links l join cases c on c.id = l.case_id
      where l.canonical_url in (${l.u}) and c.kind = ${l.kind} and c.status = any(${`{${OPEN_STATUSES.join(",")}}`}::text[])
      order by c.latest_report_at desc limit 1`);
  for (const l of links) linkTimes.push(await timed(() => byLink(l)));
  add("Case match by link p95", ms(pct(linkTimes, 95)), "≤ 20 ms", pct(linkTimes, 95) <= 20);
  const texts = (await db.execute(sql`select r.description_norm as n, r.kind from report_text_bands b join reports r on r.id = b.report_id order by random() limit 200`)).rows as { n: string; kind: string }[];
  const textTimes: number[] = [];
  for (const t of texts) textTimes.push(await timed(() => findCasesByText(db, { kind: t.kind, norm: t.n, bandKeys: bandKeys(t.n), minScore: 0.75, limit: 1 })));
  add("Case match by text p95", ms(pct(textTimes, 95)), "≤ 20 ms", pct(textTimes, 95) <= 20);

  // 3. The queue: default view, a filtered view, page 200 (keyset), measured end to end.
  const [staff] = (await db.execute(sql`select id from staff_users limit 1`)).rows as { id: string }[];
  const actor = staff?.id ?? "00000000-0000-0000-0000-000000000000";
  const runs = async (fn: () => Promise<unknown>) => {
    const xs: number[] = [];
    for (let i = 0; i < 15; i++) xs.push(await timed(fn));
    return median(xs.slice(3));
  };
  const def = await runs(() => listQueue(db, {} as never, actor));
  add("Queue default view (query)", ms(def), "≤ 5 ms", def <= 5);
  const filtered = await runs(() => listQueue(db, { kind: "rumor", platform: "facebook", priority: "high" } as never, actor));
  add("Queue filtered view (query)", ms(filtered), "≤ 5 ms", filtered <= 5);
  let cursor: string | undefined;
  for (let page = 1; page < 200; page++) {
    const r = await listQueue(db, { status: "all", cursor } as never, actor);
    if (!r.nextCursor) break;
    cursor = r.nextCursor;
  }
  const p200 = await runs(() => listQueue(db, { status: "all", cursor } as never, actor));
  add("Queue page 200, keyset (query)", ms(p200), "≤ 5 ms", p200 <= 5);
  const counts = await runs(() => countByStatus(db, {} as never, actor));
  add("Queue counts per status (query)", ms(counts), "≤ 5 ms", counts <= 5);
  const text = await runs(() => listQueue(db, { q: "الدار البيضاء" } as never, actor));
  add("Queue text search (query)", ms(text), "≤ 5 ms", text <= 5);

  // 4. Yearly figures from the roll-up.
  const year = new Date().getUTCFullYear();
  const figs = await runs(() => getYearFigures(db, year - 5, year));
  add("Yearly figures, 6 years", ms(figs), "≤ 5 ms", figs <= 5);
  await conn.close();
}

// Resident memory now (VmRSS) or at its peak over the process's life (VmHWM), in MB.
function rssNow(pid: number, field: "VmRSS" | "VmHWM" = "VmRSS"): number {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`${field}:\\s+(\\d+) kB`));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

// `npx next start` runs the server in a child process: the Node process that serves is the
// newest descendant with the most memory.
function serverPid(root: number): number {
  const kids = (pid: number): number[] => {
    try {
      return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number).flatMap((c) => [c, ...kids(c)]);
    } catch {
      return [];
    }
  };
  const all = [root, ...kids(root)];
  return all.reduce((best, p) => (rssNow(p) > rssNow(best) ? p : best), root);
}


async function waitFor(url: string, timeoutMs: number): Promise<number> {
  const start = Date.now();
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.status === 200) return Date.now() - start;
    } catch {}
    if (Date.now() - start > timeoutMs) throw new Error(`no 200 from ${url} in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function startServer(port: number, extraEnv: Record<string, string>): ChildProcess {
  return spawn("npx", ["next", "start", "-p", String(port)], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv }, stdio: "ignore", detached: true });
}
const stop = (p: ChildProcess) => {
  try {
    process.kill(-p.pid!, "SIGTERM");
  } catch {}
};

// Peak resident memory of the server during one load, sampled every 100 ms.
async function load(opts: autocannon.Options, pid?: number) {
  let peak = 0;
  const sample = () => (peak = Math.max(peak, pid ? rssNow(pid) : 0));
  const timer = setInterval(sample, 100);
  const r = await autocannon({ connections: 32, duration: 8, ...opts });
  clearInterval(timer);
  sample();
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + (r.non2xx ?? 0), peak };
}
type Run = Awaited<ReturnType<typeof load>>;
const summary = (runs: Run[]) => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  peak: Math.max(...runs.map((r) => r.peak)),
  errors: runs.reduce((a, r) => a + r.errors, 0),
});
const detail = (x: ReturnType<typeof summary>) => `p50 ${x.p50} ms, p99 ${x.p99} ms, peak RSS ${x.peak.toFixed(0)} MB`;

async function httpScenarios(url: string) {
  const port = 3400;
  const base = `http://127.0.0.1:${port}`;
  const server = startServer(port, { DATABASE_URL: url, BENCH_ROUTES: "true", RATE_LIMIT_REPORTS: "0", RATE_LIMIT_TRACK: "0", AUTH_SECRET: env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret", ENCRYPTION_KEY: env.ENCRYPTION_KEY ?? Buffer.alloc(32, 1).toString("base64") });
  try {
    await waitFor(`${base}/api/health`, 60_000);
    const pid = serverPid(server.pid!);
    let n = 0;
    const runId = Date.now().toString(36);
    // As the form sends it: an idempotency key per submission and a contact to encrypt. The
    // echo route gets the same bodies, built the same way, so the load generator costs the same.
    const body = () =>
      JSON.stringify({
        kind: "rumor",
        category: "fake_incident",
        urls: [`https://x.com/bench/status/${Date.now()}${++n}`],
        description: "خبر زائف عن حادث سير خطير في الطريق السيار بين الرباط والدار البيضاء",
        contact: { email: "citizen@example.ma" },
        declaration: true,
      });
    const post = (path: string): autocannon.Options => ({
      url: `${base}${path}`,
      method: "POST",
      requests: [{ setupRequest: (req) => ({ ...req, headers: { "content-type": "application/json", "idempotency-key": `bench-${runId}-${++n}` }, body: body() }) }],
    });
    const runs = { echo: [] as Run[], intake: [] as Run[], staticPage: [] as Run[], statementPage: [] as Run[] };
    const [{ slug }] = (await (await fetch(`${base}/api/v1/statements`)).json()).items as { slug: string }[];
    await load({ url: `${base}/ar`, duration: 3 });
    await load({ url: `${base}/ar/statements/${slug}`, duration: 3 });
    await load({ ...post("/api/v1/reports"), duration: 3 });
    for (let run = 0; run < 3; run++) {
      runs.echo.push(await load(post("/api/bench/echo"), pid));
      runs.intake.push(await load(post("/api/v1/reports"), pid));
      runs.staticPage.push(await load({ url: `${base}/ar` }, pid));
      runs.statementPage.push(await load({ url: `${base}/ar/statements/${slug}` }, pid));
    }
    const echo = summary(runs.echo);
    const intake = summary(runs.intake);
    const ratio = intake.rps / echo.rps;
    add("Echo route (baseline)", `${echo.rps.toFixed(0)} req/s, ${detail(echo)}`, "—", null);
    add("Intake throughput vs echo route", `${intake.rps.toFixed(0)} vs ${echo.rps.toFixed(0)} req/s = ${(ratio * 100).toFixed(0)}%; ${detail(intake)}`, "≥ 85%", ratio >= 0.85);
    add("Intake p99 at 32 connections", `${intake.p99} ms`, "< 250 ms", intake.p99 < 250);
    add("Intake errors", String(intake.errors), "0", intake.errors === 0);
    const stat = summary(runs.staticPage);
    const page = summary(runs.statementPage);
    const sratio = page.rps / stat.rps;
    add("Static page /ar (baseline)", `${stat.rps.toFixed(0)} req/s, ${detail(stat)}`, "—", null);
    add("Statement page vs static page", `${page.rps.toFixed(0)} vs ${stat.rps.toFixed(0)} req/s = ${(sratio * 100).toFixed(0)}%; ${detail(page)}`, "≥ 90%", sratio >= 0.9);
    add("Server peak RSS (whole run)", `${rssNow(pid, "VmHWM").toFixed(0)} MB`, "—", null);
  } finally {
    stop(server);
    // Each intake run adds tens of thousands of open cases, which slow the queue counts and
    // text search: compare SQL figures on a freshly generated database (the full run measures
    // SQL first).
    console.log("note: the intake runs added reports and cases to this database; regenerate it before the next comparison");
  }
}

async function embeddedStart() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iblagh-bench-"));
  const port = 3401;
  for (const label of ["empty (migrate + demo seed)", "existing"]) {
    const started = Date.now();
    const server = startServer(port, { DATABASE_URL: "", DATA_DIR: dir });
    try {
      await waitFor(`http://127.0.0.1:${port}/ar`, 180_000);
      add(`Embedded start, ${label}: npm start → first 200 of /ar`, `${((Date.now() - started) / 1000).toFixed(1)} s`, "reported", null);
    } finally {
      stop(server);
      await new Promise((r) => setTimeout(r, 1500));
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

function pageWeight() {
  try {
    const out = execFileSync("node", ["scripts/page-weight.mjs", "ar/report"], { encoding: "utf8" });
    const kb = Number(out.trim().split("\n").at(-1)!.trim().split(/\s+/)[0]);
    add("First-load JS of /ar/report (gzip)", `${kb} KB`, "≤ 130 KB", kb <= 130);
  } catch {
    add("First-load JS of /ar/report (gzip)", "no build (npm run build first)", "≤ 130 KB", null);
  }
}

async function main() {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is required (fill it with npm run db:generate -- --reports 1000000).");
  const only = process.argv.slice(2);
  const want = (s: string) => only.length === 0 || only.includes(s);
  if (want("sql")) await sqlScenarios(env.DATABASE_URL);
  if (want("page")) pageWeight();
  if (want("http")) await httpScenarios(env.DATABASE_URL);
  if (want("start")) await embeddedStart();
  const cpu = os.cpus()[0]?.model ?? "unknown";
  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, PostgreSQL at DATABASE_URL.`,
    "Commands: `DATABASE_URL=… npm run db:generate -- --reports 1000000` then `DATABASE_URL=… npm run build && npm run bench`.",
    "Load comes from autocannon in the bench process (32 connections, 8 s, median of 3 runs); the server is `next start` in its own process.",
    "",
    "| Scenario | Measured | Target | |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${r.scenario} | ${r.value} | ${r.target} | ${r.ok === null ? "" : r.ok ? "met" : "**missed**"} |`),
  ].join("\n");
  // The latest run replaces the block between the markers; the analysis around it is kept.
  if (only.length > 0) {
    console.log("\n(partial run: BENCHMARKS.md is written by a full run only)");
    return;
  }
  const START = "<!-- bench:start -->";
  const END = "<!-- bench:end -->";
  const old = fs.existsSync("BENCHMARKS.md") ? fs.readFileSync("BENCHMARKS.md", "utf8") : `# Benchmarks\n\n${START}\n${END}\n`;
  const [head, rest] = old.includes(START) ? old.split(START) : [`# Benchmarks\n\n`, `\n${END}\n${old}`];
  fs.writeFileSync("BENCHMARKS.md", `${head}${START}\n${table}\n${END}${rest.split(END)[1] ?? "\n"}`);
  console.log("\nwrote BENCHMARKS.md");
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
