import "server-only";
import fs from "node:fs";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { coveredCodePoints } from "./cmap";

// One font for every card: the whole Noto Sans Arabic (Google Fonts' build: Arabic, Latin and
// Latin-1, both kinds of digits, Arabic and Latin punctuation). resvg shapes a run with one
// font and draws a box for any glyph it lacks, so the web subsets (Arabic only, Latin only)
// put a box in place of the ":" of «لا صحة لما يروج:»; and it drops a text that mixes fonts.
const FONT = "@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf";
const FAMILY = "Noto Sans Arabic";

let font: { file: string; covered: Set<number> } | undefined;
function loadFont() {
  if (font) return font;
  const file = path.join(process.cwd(), "node_modules", FONT);
  return (font = { file, covered: coveredCodePoints(fs.readFileSync(file)) });
}

/** The text without what the font cannot draw (an emoji, another script): never a box. */
export function drawable(text: string): string {
  const { covered } = loadFont();
  let out = "";
  for (const ch of text) if (covered.has(ch.codePointAt(0)!) || /\s/.test(ch)) out += ch;
  return out.replace(/\s+/g, " ").trim();
}

/** Code points of `text` the card's font has no glyph for. */
export function missingGlyphs(text: string): string[] {
  const { covered } = loadFont();
  return [...new Set([...text].filter((ch) => !/\s/.test(ch) && !covered.has(ch.codePointAt(0)!)))];
}

const esc = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );

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

/** The verdict pill: red for what is false, green for what is confirmed, neutral otherwise. */
export type Tone = "false" | "true" | "neutral";
const TONES: Record<Tone, string> = { false: "#b42318", true: "#067647", neutral: "#475467" };

export interface Card {
  label: string;
  title: string;
  verdict: string;
  tone: Tone;
  site: string;
  rtl: boolean;
}

/** The card as SVG: what is drawn, for the renderer and for tests. */
export function cardSvg(input: Card): string {
  const x = input.rtl ? 1120 : 80;
  const anchor = input.rtl ? "end" : "start";
  const dir = input.rtl ? "rtl" : "ltr";
  const text = (y: number, size: number, fill: string, content: string, at = x) =>
    `<text x="${at}" y="${y}" font-size="${size}" font-weight="700" fill="${fill}" text-anchor="${anchor}" direction="${dir}" font-family="${FAMILY}">${esc(drawable(content))}</text>`;
  const title = wrap(drawable(input.title), input.rtl ? 34 : 40, 4)
    .map((l, i) => text(250 + i * 78, 58, "#14201c", l))
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="#f7f9f8"/>
<rect width="1200" height="110" fill="#083f31"/>
${text(72, 40, "#ffffff", input.site)}
${text(170, 34, "#0f6b52", input.label)}
${title}
<rect x="${input.rtl ? 1120 - 420 : 80}" y="540" width="420" height="60" rx="10" fill="${TONES[input.tone]}"/>
${text(582, 32, "#ffffff", input.verdict, input.rtl ? 1100 : 100)}
</svg>`;
}

/** A 1200×630 PNG share card; Arabic is shaped and laid out right-to-left by resvg. */
export function renderStatementCard(input: Card): Buffer {
  const resvg = new Resvg(cardSvg(input), {
    font: { fontFiles: [loadFont().file], loadSystemFonts: false, defaultFontFamily: FAMILY },
    fitTo: { mode: "width", value: 1200 },
  });
  return resvg.render().asPng();
}
