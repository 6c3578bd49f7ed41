import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { woffToSfnt } from "./woff";

const FONTS = [
  "@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff",
  "@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff",
  "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff",
  "@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff",
];

let fontFiles: string[] | undefined;
function fonts(): string[] {
  if (fontFiles) return fontFiles;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iblagh-fonts-"));
  fontFiles = FONTS.map((f) => {
    const src = path.join(process.cwd(), "node_modules", f);
    const out = path.join(dir, path.basename(f).replace(/\.woff$/, ".ttf"));
    fs.writeFileSync(out, woffToSfnt(fs.readFileSync(src)));
    return out;
  });
  return fontFiles;
}

const esc = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

/** Greedy word wrap by character count: good enough for a title on a share card. */
export function wrap(text: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if ((line + " " + word).trim().length > perLine && line) {
      lines.push(line);
      line = word;
    } else line = `${line} ${word}`.trim();
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
    return kept;
  }
  return lines;
}

/** A 1200×630 PNG share card; Arabic is shaped and laid out right-to-left by resvg. */
export function renderStatementCard(input: { label: string; title: string; verdict: string; site: string; rtl: boolean }): Buffer {
  const x = input.rtl ? 1120 : 80;
  const anchor = input.rtl ? "end" : "start";
  const dir = input.rtl ? "rtl" : "ltr";
  const family = "Noto Sans Arabic, Noto Sans";
  const title = wrap(input.title, input.rtl ? 34 : 40, 4)
    .map((l, i) => `<text x="${x}" y="${250 + i * 78}" font-size="58" font-weight="700" fill="#14201c" text-anchor="${anchor}" direction="${dir}" font-family="${family}">${esc(l)}</text>`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="#f7f9f8"/>
<rect width="1200" height="110" fill="#083f31"/>
<text x="${x}" y="72" font-size="40" font-weight="700" fill="#ffffff" text-anchor="${anchor}" direction="${dir}" font-family="${family}">${esc(input.site)}</text>
<text x="${x}" y="170" font-size="34" font-weight="700" fill="#0f6b52" text-anchor="${anchor}" direction="${dir}" font-family="${family}">${esc(input.label)}</text>
${title}
<rect x="${input.rtl ? 1120 - 420 : 80}" y="540" width="420" height="60" rx="10" fill="#b42318"/>
<text x="${input.rtl ? 1100 : 100}" y="582" font-size="32" font-weight="700" fill="#ffffff" text-anchor="${anchor}" direction="${dir}" font-family="${family}">${esc(input.verdict)}</text>
</svg>`;
  const resvg = new Resvg(svg, { font: { fontFiles: fonts(), loadSystemFonts: false, defaultFontFamily: "Noto Sans Arabic" }, fitTo: { mode: "width", value: 1200 } });
  return resvg.render().asPng();
}
