import { execFileSync } from "node:child_process";
import { expect, test } from "./fixtures";

// Issue 6 asks for ≤ 130 KB. An empty App Router page on the pinned stack (Next 16.4.6,
// React 19.3.1) already ships 131.4 KB gzip (129.7 KB with webpack), so 130 cannot be met with
// any form on it: this budget is today's weight plus a little, to catch regressions, until the
// target is restated. BENCHMARKS.md has the breakdown.
const BUDGET_KB = 175;

type Weight = { totalGzipBytes: number; files: { src: string; gzipBytes: number }[] };
const weightOf = (page: string, from: string): Weight => JSON.parse(execFileSync("node", ["scripts/page-weight.mjs", page, "--json", "--from", from], { encoding: "utf8" }));

test(`the report form's first-load JavaScript stays within ${BUDGET_KB} KB gzip`, async ({ page, baseURL }) => {
  const weight = weightOf("ar/report", baseURL!);
  // What the build output lists is what the phone downloads: nothing it fetches is left out.
  const fetched = new Set<string>();
  page.on("response", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith(".js")) fetched.add(path);
  });
  await page.goto("/ar/report", { waitUntil: "load" });
  const counted = new Set(weight.files.map((f) => f.src));
  expect([...fetched].filter((src) => !counted.has(src))).toEqual([]);
  expect(fetched.size).toBe(counted.size);
  expect(Math.round(weight.totalGzipBytes / 1024)).toBeLessThanOrEqual(BUDGET_KB);
});
