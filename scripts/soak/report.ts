// The soak's figures: printed, and written to docs/reliability.md between its markers (the text
// around them is kept).
import fs from "node:fs";
import os from "node:os";
import { median } from "../bench/common";
import type { Tally } from "./client";

interface Figures {
  marker: string;
  N: number;
  C: number;
  tally: Tally;
  stored: {
    stored: number;
    distinct: number;
    duplicates: number;
    lost: number;
    unacknowledged: number;
  };
  leaked: number;
  events: { what: string; recoveredMs?: number }[];
  ratios: number[];
  rates: { clean: number[]; poisoned: number[] };
  dbRestart?: string;
}

export function writeReliability(f: Figures, ok: boolean) {
  const t = f.tally;
  const mark = (good: boolean) => (good ? "met" : "**missed**");
  const valid = t.sent - t.refusedPoison - t.poisonAccepted;
  const rows: [string, string, string, string][] = [
    [
      "Reports sent (valid + poisoned)",
      `${t.sent} (${valid} + ${t.refusedPoison + t.poisonAccepted}) at ${f.C} connections`,
      "—",
      "",
    ],
    [
      "Acknowledged (201, receipt given)",
      `${t.acknowledged.size} (${t.replayed} answered as a replay of an earlier attempt)`,
      `${valid}`,
      mark(t.acknowledged.size === valid),
    ],
    [
      "Stored, found by SQL",
      `${f.stored.stored} rows for ${f.stored.distinct} reports; ${f.stored.unacknowledged} stored but never acknowledged`,
      "—",
      "",
    ],
    [
      "Lost (acknowledged, receipt hash not stored)",
      String(f.stored.lost),
      "0",
      mark(f.stored.lost === 0),
    ],
    ["Stored twice", String(f.stored.duplicates), "0", mark(f.stored.duplicates === 0)],
    ["5xx other than 503", String(t.unexpected5xx), "0", mark(t.unexpected5xx === 0)],
    ["Retried: network errors, 503", `${t.networkErrors}, ${t.unavailable}`, "—", ""],
    [
      "Poisoned inputs refused with 400",
      `${t.refusedPoison} (accepted: ${t.poisonAccepted})`,
      "all",
      mark(t.poisonAccepted === 0),
    ],
    ["Given up at the deadline", String(t.gaveUp), "0", mark(t.gaveUp === 0)],
    ["Lines of the server's log holding report text", String(f.leaked), "0", mark(f.leaked === 0)],
    ...f.events.map((e): [string, string, string, string] => [
      `Time to recover: ${e.what}`,
      e.recoveredMs === undefined
        ? "never"
        : `${(e.recoveredMs / 1000).toFixed(1)} s to the next acknowledged report`,
      "recovers",
      mark(e.recoveredMs !== undefined),
    ]),
    [
      "Valid reports/s with 10% poisoned inputs vs clean",
      `${median(f.rates.poisoned).toFixed(0)} vs ${median(f.rates.clean).toFixed(0)} = ${(median(f.ratios) * 100).toFixed(0)}% (pairs ${f.ratios.map((r) => (r * 100).toFixed(0)).join(", ")})`,
      "≥ 90%",
      mark(median(f.ratios) >= 0.9),
    ],
  ];
  const table = [
    `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}, Node ${process.version}: ` +
      `\`npm run soak -- --reports ${f.N} --connections ${f.C}${f.dbRestart ? ` --db-restart "${f.dbRestart}"` : ""}\`. Gate: **${ok ? "passed" : "failed"}**.`,
    "",
    "| Measure | Figure | Target | |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
  console.log(`\n${table}\n`);
  const file = "docs/reliability.md";
  const START = "<!-- soak:start -->";
  const END = "<!-- soak:end -->";
  const old = fs.existsSync(file)
    ? fs.readFileSync(file, "utf8")
    : `# Reliability\n\n${START}\n${END}\n`;
  const [head, rest] = old.split(START);
  fs.writeFileSync(file, `${head}${START}\n${table}\n${END}${rest?.split(END)[1] ?? "\n"}`);
  console.log(`wrote ${file}`);
}
