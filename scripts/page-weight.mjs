// First-load JavaScript of a page, gzip bytes, read from the build output. A page rendered per
// request (the report form, whose markup carries a fresh retry key) has no HTML in the build:
// give --from with the address of a running production server to read its HTML from there.
// usage: node scripts/page-weight.mjs ar/report [limitKB] [--json] [--from http://localhost:3000]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const argv = process.argv.slice(2);
const fromAt = argv.indexOf("--from");
const from = fromAt >= 0 ? argv[fromAt + 1] : null;
const args = argv.filter(
  (a, i) => a !== "--json" && (fromAt < 0 || (i !== fromAt && i !== fromAt + 1)),
);
const json = argv.includes("--json");
const page = args[0] ?? "ar/report";
const limitKb = Number(args[1] ?? 0);
const html = from
  ? await (await fetch(`${from}/${page}`)).text()
  : fs.readFileSync(path.join(".next/server/app", `${page}.html`), "utf8");
// noModule scripts (legacy polyfills) are never fetched by the browsers that run modules.
const srcs = [
  ...new Set(
    [...html.matchAll(/<script([^>]*)src="([^"]+\.js)"[^>]*>/g)]
      .filter((m) => !/nomodule/i.test(m[0]))
      .map((m) => m[2]),
  ),
];
const files = srcs.map((src) => {
  const file = path.join(".next", decodeURIComponent(src.replace(/^\/_next\//, "")));
  return { src, gzipBytes: zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length };
});
const total = files.reduce((sum, f) => sum + f.gzipBytes, 0);
if (json) console.log(JSON.stringify({ page, totalGzipBytes: total, files }));
else {
  for (const f of files) console.log(`${(f.gzipBytes / 1024).toFixed(1).padStart(7)} KB  ${f.src}`);
  console.log(
    `${(total / 1024).toFixed(1).padStart(7)} KB  first-load JS of /${page} (gzip, ${srcs.length} files)`,
  );
}
if (limitKb && total / 1024 > limitKb) {
  console.error(`over the ${limitKb} KB limit`);
  process.exit(1);
}
