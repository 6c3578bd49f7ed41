import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { renderStatementCard, wrap } from "./statement-image";

describe("share card", () => {
  it("wraps a long title into at most the given lines", () => {
    expect(wrap("one two three four five six", 9, 2)).toEqual(["one two", "three…"]);
  });

  it("renders an Arabic card as a 1200×630 PNG, with the Arabic glyphs drawn", () => {
    const png = renderStatementCard({ label: "بيان تكذيب", title: "لا صحة لما يروج حول اختطاف الأطفال أمام المدارس بمدينة الدار البيضاء", verdict: "خبر زائف", site: "إبلاغ", rtl: true });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
    // Missing fonts would leave the text out entirely: the card would be nearly empty.
    const blank = renderStatementCard({ label: "", title: "", verdict: "", site: "", rtl: true });
    expect(png.length).toBeGreaterThan(blank.length + 5000);
    if (process.env.CARD_OUT) fs.writeFileSync(process.env.CARD_OUT, png);
  });
});
