// Shared by the bench scenarios: the result table, percentiles, resident memory, the server.
import { spawn, type ChildProcess } from "node:child_process";
import { chromium, type Browser } from "@playwright/test";
import fs from "node:fs";
import net from "node:net";

export interface Row {
  scenario: string;
  value: string;
  target: string;
  ok: boolean | null;
}
export const rows: Row[] = [];
export const add = (scenario: string, value: string, target: string, ok: boolean | null) => {
  rows.push({ scenario, value, target, ok });
  console.log(`${ok === null ? "  " : ok ? "✓ " : "✗ "}${scenario}: ${value} (target ${target})`);
};

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
export const median = (xs: number[]) => pct(xs, 50);
export const ms = (n: number) => `${n.toFixed(2)} ms`;
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Resident memory now (VmRSS) or at its peak over the process's life (VmHWM), in MB. */
export function rssOf(pid: number, field: "VmRSS" | "VmHWM" = "VmRSS"): number {
  try {
    const m = fs
      .readFileSync(`/proc/${pid}/status`, "utf8")
      .match(new RegExp(`${field}:\\s+(\\d+) kB`));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

// The server may run in a child process: the Node process that serves is the descendant
// (or the root) with the most memory.
export function serverPid(root: number): number {
  const kids = (pid: number): number[] => {
    try {
      return fs
        .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number)
        .flatMap((c) => [c, ...kids(c)]);
    } catch {
      return [];
    }
  };
  const all = [root, ...kids(root)];
  return all.reduce((best, p) => (rssOf(p) > rssOf(best) ? p : best), root);
}

export async function waitFor(url: string, timeoutMs: number): Promise<number> {
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const portAnswers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.once("connect", () => done(true)).once("error", () => done(false));
    socket.setTimeout(1000, () => done(false));
  });

/**
 * The app's server (scripts/server.mjs) on a port nobody answers on: a server left over from an earlier step (or run)
 * would otherwise be measured in place of this one.
 */
export async function startServer(
  port: number,
  extraEnv: Record<string, string>,
  logFile?: string,
): Promise<ChildProcess> {
  if (await portAnswers(port))
    throw new Error(`port ${port} is already in use: stop what listens there first`);
  // The soak reads the server's output afterwards: no report text may ever reach it.
  const out = logFile ? fs.openSync(logFile, "a") : "ignore";
  const child = spawn("sh", ["scripts/start.sh", "-p", String(port)], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...extraEnv },
    stdio: ["ignore", out, out],
    detached: true,
  });
  if (typeof out === "number") fs.closeSync(out);
  return child;
}

/** Stops a server's whole process group and waits until it is gone (SIGKILL after 15 s). */
export async function stop(p: ChildProcess) {
  const alive = () => {
    try {
      process.kill(-p.pid!, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(-p.pid!, "SIGTERM");
  for (let waited = 0; alive() && waited < 15_000; waited += 100) await sleep(100);
  if (alive()) process.kill(-p.pid!, "SIGKILL");
}

/**
 * Headless Chromium for the tests and scripts (playwright.config.ts, bench, screens): Debian's
 * when installed (Playwright cannot download its own here), otherwise whatever Playwright finds,
 * with the flags this machine needs (its closed network refuses Chromium's background calls).
 */
export const CHROMIUM = {
  executablePath: ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p)),
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export const launchChromium = (): Promise<Browser> => chromium.launch(CHROMIUM);
