// First-load JavaScript of a prerendered page, gzip bytes, read from the build output.
// usage: node scripts/page-weight.mjs ar/report [limitKB]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const page = process.argv[2] ?? "ar/report";
const limitKb = Number(process.argv[3] ?? 0);
const html = fs.readFileSync(path.join(".next/server/app", `${page}.html`), "utf8");
// noModule scripts (legacy polyfills) are never fetched by the browsers that run modules.
const srcs = [...new Set([...html.matchAll(/<script([^>]*)src="([^"]+\.js)"[^>]*>/g)].filter((m) => !/nomodule/i.test(m[0])).map((m) => m[2]))];
let total = 0;
for (const src of srcs) {
  const file = path.join(".next", decodeURIComponent(src.replace(/^\/_next\//, "")));
  const size = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${src}`);
}
console.log(`${(total / 1024).toFixed(1).padStart(7)} KB  first-load JS of /${page} (gzip, ${srcs.length} files)`);
if (limitKb && total / 1024 > limitKb) {
  console.error(`over the ${limitKb} KB limit`);
  process.exit(1);
}
