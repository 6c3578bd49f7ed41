// Issue 6 over HTTP: intake and a published statement under load (autocannon, in this
// process, against the app server in its own), and the moderator queue page's server time.
import os from "node:os";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { add, median, pct, rssOf, serverPid, startServer, stop, timed, waitFor } from "./common";
import type { QueueInputs } from "./sql";

const AUTH_SECRET = env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret";

// Peak resident memory of the server during one load, sampled every 100 ms.
async function load(opts: autocannon.Options, pid?: number) {
  let peak = 0;
  const sample = () => (peak = Math.max(peak, pid ? rssOf(pid) : 0));
  const timer = setInterval(sample, 100);
  const r = await autocannon({ connections: 32, duration: 8, ...opts });
  clearInterval(timer);
  sample();
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + (r.non2xx ?? 0),
    peak,
  };
}
type Run = Awaited<ReturnType<typeof load>>;
const summary = (runs: Run[]) => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  peak: Math.max(...runs.map((r) => r.peak)),
  errors: runs.reduce((a, r) => a + r.errors, 0),
});
// A ratio is the median of the ratios of runs made back to back, not a ratio of medians.
const paired = (a: Run[], b: Run[]) => median(a.map((r, i) => r.rps / b[i].rps));
const pctRuns = (a: Run[], b: Run[]) =>
  `${(paired(a, b) * 100).toFixed(0)}% (runs ${a.map((r, i) => ((r.rps / b[i].rps) * 100).toFixed(0)).join(", ")})`;
const detail = (x: ReturnType<typeof summary>) =>
  `p50 ${x.p50} ms, p99 ${x.p99} ms, peak RSS ${x.peak.toFixed(0)} MB`;

export async function httpScenarios(url: string, staff: QueueInputs) {
  const port = 3400;
  const base = `http://127.0.0.1:${port}`;
  // PUBLIC_URL as production sets it: without it statement pages render per request (lib/http/origin.ts).
  const serverEnv = {
    DATABASE_URL: url,
    PUBLIC_URL: base,
    BENCH_ROUTES: "true",
    RATE_LIMIT_REPORTS: "0",
    RATE_LIMIT_TRACK: "0",
    AUTH_SECRET,
    ENCRYPTION_KEY: env.ENCRYPTION_KEY ?? Buffer.alloc(32, 1).toString("base64"),
  };
  const server = await startServer(port, serverEnv);
  try {
    await waitFor(`${base}/api/health`, 60_000);
    const pid = serverPid(server.pid!);
    let n = 0;
    const runId = Date.now().toString(36);
    // As the form sends it: an idempotency key per submission and a contact to encrypt. The
    // echo route gets the same bodies, built the same way, so the load generator costs the same.
    const report = {
      kind: "rumor",
      category: "fake_incident",
      description: "خبر زائف عن حادث سير خطير في الطريق السيار بين الرباط والدار البيضاء",
      contact: { email: "citizen@example.ma" },
      declaration: true,
    };
    // Three shapes of load: every report about new content (each opens a case: the most work),
    // and a viral rumour, everyone reporting the same post or forwarding the same message (each
    // joins one case: its row is updated by every batch).
    const shapes = {
      unique: () => ({ ...report, urls: [`https://x.com/bench/status/${Date.now()}${++n}`] }),
      viralLink: () => ({ ...report, urls: [`https://x.com/bench/status/${runId}`] }),
      viralText: () => ({
        ...report,
        urls: [],
        platform: "whatsapp",
        description: `${report.description} — رسالة ${runId} متداولة على نطاق واسع`,
      }),
    };
    const post = (
      path: string,
      shape: keyof typeof shapes = "unique",
      at = base,
    ): autocannon.Options => ({
      url: `${at}${path}`,
      method: "POST",
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            headers: {
              "content-type": "application/json",
              "idempotency-key": `bench-${runId}-${++n}`,
            },
            body: JSON.stringify(shapes[shape]()),
          }),
        },
      ],
    });
    const runs = {
      echo: [] as Run[],
      validate: [] as Run[],
      intake: [] as Run[],
      viralLink: [] as Run[],
      viralText: [] as Run[],
      staticPage: [] as Run[],
      statementPage: [] as Run[],
    };
    const [{ slug }] = (await (await fetch(`${base}/api/v1/statements`)).json()).items as {
      slug: string;
    }[];
    await load({ url: `${base}/ar`, duration: 3 });
    await load({ url: `${base}/ar/statements/${slug}`, duration: 3 });
    await load({ ...post("/api/v1/reports"), duration: 3 });
    for (let run = 0; run < 3; run++) {
      // Each compared pair runs back to back: the machine is shared and its pace drifts by
      // tens of percent over minutes, much less over seconds.
      runs.echo.push(await load(post("/api/bench/echo"), pid));
      runs.intake.push(await load(post("/api/v1/reports"), pid));
      runs.validate.push(await load(post("/api/bench/validate"), pid));
      runs.viralLink.push(await load(post("/api/v1/reports", "viralLink"), pid));
      runs.viralText.push(await load(post("/api/v1/reports", "viralText"), pid));
      runs.staticPage.push(await load({ url: `${base}/ar` }, pid));
      runs.statementPage.push(await load({ url: `${base}/ar/statements/${slug}` }, pid));
    }
    const echo = summary(runs.echo);
    const intake = summary(runs.intake);
    const validate = summary(runs.validate);
    const ratio = paired(runs.intake, runs.echo);
    add("Echo route (baseline)", `${echo.rps.toFixed(0)} req/s, ${detail(echo)}`, "—", null);
    // The ceiling for intake on one event loop: validating and answering, storing nothing.
    add(
      "Validation-only route vs echo (ceiling)",
      `${validate.rps.toFixed(0)} req/s = ${pctRuns(runs.validate, runs.echo)}; ${detail(validate)}`,
      "—",
      null,
    );
    add(
      "Intake throughput vs echo route",
      `${intake.rps.toFixed(0)} vs ${echo.rps.toFixed(0)} req/s = ${pctRuns(runs.intake, runs.echo)}; ${detail(intake)}`,
      "≥ 70%",
      ratio >= 0.7,
    );
    add("Intake p99 at 32 connections", `${intake.p99} ms`, "< 250 ms", intake.p99 < 250);
    for (const [label, x] of [
      ["same post", summary(runs.viralLink)],
      ["same forwarded message", summary(runs.viralText)],
    ] as const) {
      const ok = x.p99 < 250 && x.errors === 0;
      add(
        `Intake, viral rumour (${label}): p99 and errors`,
        `${x.rps.toFixed(0)} req/s = ${((x.rps / echo.rps) * 100).toFixed(0)}% of echo; ${detail(x)}; ${x.errors} errors`,
        "< 250 ms, 0",
        ok,
      );
    }
    add("Intake errors", String(intake.errors), "0", intake.errors === 0);
    const stat = summary(runs.staticPage);
    const page = summary(runs.statementPage);
    const sratio = paired(runs.statementPage, runs.staticPage);
    add("Static page /ar (baseline)", `${stat.rps.toFixed(0)} req/s, ${detail(stat)}`, "—", null);
    add(
      "Statement page vs static page",
      `${page.rps.toFixed(0)} vs ${stat.rps.toFixed(0)} req/s = ${pctRuns(runs.statementPage, runs.staticPage)}; ${detail(page)}`,
      "≥ 90%",
      sratio >= 0.9,
    );
    await queuePages(base, staff, pid);
    // Capacity at saturation, as docs/scaling.md advises running it: a second instance, both
    // loaded at once, PostgreSQL and the load generator on the same cores.
    const second = await startServer(port + 1, serverEnv);
    try {
      const other = `http://127.0.0.1:${port + 1}`;
      await waitFor(`${other}/api/health`, 60_000);
      await load({ ...post("/api/v1/reports", "unique", other), duration: 3 });
      const both: { rps: number; p99: number; errors: number }[] = [];
      for (let run = 0; run < 3; run++) {
        const [a, b] = await Promise.all([
          load(post("/api/v1/reports")),
          load(post("/api/v1/reports", "unique", other)),
        ]);
        both.push({ rps: a.rps + b.rps, p99: Math.max(a.p99, b.p99), errors: a.errors + b.errors });
      }
      const rps = median(both.map((x) => x.rps));
      const perCoreHour = (rps * 3600) / os.cpus().length / 1e6;
      const p99 = median(both.map((x) => x.p99));
      const errors = both.reduce((n, x) => n + x.errors, 0);
      add(
        "Intake capacity, 2 instances × 32 connections",
        `${rps.toFixed(0)} req/s = ${perCoreHour.toFixed(2)} million reports per hour per core; p99 ${p99} ms; ${errors} errors`,
        "≥ 1 million/h/core, p99 < 250 ms, 0 errors",
        perCoreHour >= 1 && p99 < 250 && errors === 0,
      );
    } finally {
      await stop(second);
    }
    add("Server peak RSS (whole run)", `${rssOf(pid, "VmHWM").toFixed(0)} MB`, "—", null);
  } finally {
    await stop(server);
    // Each intake run adds tens of thousands of open cases, which slow the queue counts and
    // text search: compare SQL figures on a freshly generated database (the full run measures
    // SQL first).
    console.log(
      "note: the intake runs added reports and cases to this database; regenerate it before the next comparison",
    );
  }
}

// 3. The queue page as a moderator gets it, one request at a time: time to the last byte on
// loopback is the server time. The session is minted as Auth.js would after a sign-in.
async function queuePages(base: string, staff: QueueInputs, pid: number) {
  const name = "__Secure-authjs.session-token"; // the server runs in production: secure cookie names
  const token = await encode({
    token: { uid: staff.actor, sub: staff.actor, epoch: staff.epoch },
    secret: AUTH_SECRET,
    salt: name,
    maxAge: 3600,
  });
  const get = async (path: string) => {
    const r = await fetch(`${base}${path}`, {
      headers: { cookie: `${name}=${token}` },
      redirect: "manual",
    });
    const body = await r.text();
    if (r.status !== 200 || !body.includes('data-testid="status-counts"'))
      throw new Error(`queue page ${path}: ${r.status}`);
  };
  const pages: [string, string][] = [
    ["default view", "/ar/moderation"],
    ["filtered view", "/ar/moderation?kind=rumor&platform=facebook&priority=high"],
    ["overdue view", "/ar/moderation?due=overdue"],
    [
      "page 200",
      `/ar/moderation?status=all&cursor=${encodeURIComponent(staff.page200Cursor ?? "")}`,
    ],
  ];
  for (const [label, path] of pages) {
    const runs: { p50: number; p99: number }[] = [];
    for (let run = 0; run < 3; run++) {
      for (let i = 0; i < 3; i++) await get(path);
      const times: number[] = [];
      for (let i = 0; i < 20; i++) times.push(await timed(() => get(path)));
      runs.push({ p50: pct(times, 50), p99: pct(times, 99) });
    }
    const p50 = median(runs.map((r) => r.p50));
    const p99 = median(runs.map((r) => r.p99));
    add(
      `Queue page, ${label}: server time`,
      `p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, server RSS ${rssOf(pid).toFixed(0)} MB`,
      "≤ 150 ms",
      p99 <= 150,
    );
  }
}
