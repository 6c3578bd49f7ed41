// Issue 19's mail measures: the worker's rate to a local SMTP server, the intake's rate with
// and without it in the same run, and the longest a message waited (scripts/bench/mail-run.mts).
import { execFileSync } from "node:child_process";
import { add } from "./common";

export function mailScenario(url: string) {
  const out = execFileSync(
    "npx",
    ["tsx", "--conditions=react-server", "scripts/bench/mail-run.mts"],
    {
      env: {
        ...process.env,
        DATABASE_URL: url,
        AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret",
        ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? Buffer.alloc(32, 1).toString("base64"),
      },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const r = JSON.parse(out.trim().split("\n").at(-1)!) as {
    alone: number;
    withMail: number;
    delivered: number;
    sent: number;
    seconds: number;
    oldest: number;
  };
  const rate = r.sent / r.seconds;
  add(
    "Mail worker to a local SMTP server",
    `${r.sent} messages in ${r.seconds.toFixed(1)} s = ${rate.toFixed(0)}/s (${r.delivered} arrived)`,
    "≥ 50/s",
    rate >= 50 && r.delivered === r.sent,
  );
  const slower = 1 - r.withMail / r.alone;
  add(
    "Intake while the worker sends, vs intake alone (8 in-process clients)",
    `${r.withMail.toFixed(0)} vs ${r.alone.toFixed(0)} reports/s (${(slower * 100).toFixed(1)}% slower)`,
    "≤ 5% slower",
    slower <= 0.05,
  );
  add(
    "Longest a message waited in the outbox, server up",
    `${r.oldest.toFixed(1)} s`,
    "≤ 60 s",
    r.oldest <= 60,
  );
}
