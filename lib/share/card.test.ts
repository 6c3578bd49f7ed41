import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { cardSvg, drawable, missingGlyphs, renderStatementCard, wrap } from "./statement-image";

// Every kind of character a title holds: Arabic with its punctuation and both kinds of digits,
// the seed's own title forms, French with its accents, ligatures and spaced punctuation.
const TITLES = [
  "لا صحة لما يروج: منشور يزعم اختطاف أطفال أمام مدرسة في الدار البيضاء",
  "حقيقة ما جرى: فيديو قديم يُقدَّم على أنه مواجهات جرت اليوم في العيون",
  "بلاغ توضيحي بخصوص «رسالة صوتية»، ما صحتها؟ ٣ حالات؛ 12 شكاية — 50٪ (2025)",
  "Démenti : Un faux communiqué attribué à la police annonce un couvre-feu à Laâyoune",
  "Mise au point : « l’œuvre » à 50 % — Fès, Meknès, Tétouan ; vrai ? faux !",
  "Clarification: an old video (2019) presented as today's clashes in Marrakech… €, $, #1",
];

describe("share card", () => {
  it("wraps a long title into at most the given lines", () => {
    expect(wrap("one two three four five six", 9, 2)).toEqual(["one two", "three…"]);
  });

  it("has a glyph for every character a title holds: nothing becomes a box", () => {
    for (const title of TITLES) {
      expect(missingGlyphs(title), title).toEqual([]);
      // What is drawn is the whole title: no character was left out to avoid a box.
      expect(drawable(title)).toBe(title.replace(/\s+/g, " "));
      expect(
        cardSvg({ label: "x", title, verdict: "x", tone: "false", site: "x", rtl: true }),
      ).toContain(title.split(" ")[0].replace(/'/g, "&apos;"));
    }
  });

  it("leaves out what the font cannot draw (an emoji, another script) rather than a box", () => {
    expect(missingGlyphs("خبر 🔥 Ж")).toEqual(["🔥", "Ж"]);
    expect(drawable("خبر 🔥 Ж زائف")).toBe("خبر زائف");
  });

  it("renders an Arabic card as a 1200×630 PNG, with the Arabic glyphs drawn", () => {
    const png = renderStatementCard({
      label: "بيان تكذيب",
      title: TITLES[0],
      verdict: "خبر زائف",
      tone: "false",
      site: "إبلاغ",
      rtl: true,
    });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
    // Missing fonts would leave the text out entirely: the card would be nearly empty.
    const blank = renderStatementCard({
      label: "",
      title: "",
      verdict: "",
      tone: "false",
      site: "",
      rtl: true,
    });
    expect(png.length).toBeGreaterThan(blank.length + 5000);
    if (process.env.CARD_OUT) fs.writeFileSync(process.env.CARD_OUT, png);
  });

  it("gives a communiqué a neutral pill, not the red of a denial", () => {
    const of = (tone: "false" | "true" | "neutral") =>
      cardSvg({ label: "", title: "", verdict: "", tone, site: "", rtl: false });
    expect(of("false")).toContain("#b42318");
    expect(of("neutral")).not.toContain("#b42318");
    expect(of("true")).not.toBe(of("neutral"));
  });
});
