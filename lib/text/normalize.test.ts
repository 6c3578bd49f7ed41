import { describe, expect, it } from "vitest";
import { normalizeText, stripControl, toAsciiDigits } from "./normalize";

describe("normalizeText (Arabic)", () => {
  it.each([
    ["مُحَمَّدٌ", "محمد"],
    ["الإشـــاعة", "الاشاعه"],
    ["أمن", "امن"],
    ["إبلاغ", "ابلاغ"],
    ["آمن", "امن"],
    ["ٱلله", "الله"],
    ["مستشفى", "مستشفي"],
    ["الشرطة", "الشرطه"],
    ["خبر زائف!!", "خبر زايف"],
    ["٢٠٢٥ و ۲۰۲۴", "2025 و 2024"],
    ["ﻻ", "لا"],
    ["فارسی کتاب", "فارسي كتاب"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it("makes a claim typed with and without diacritics equal", () => {
    const a = "انْتِشَارُ إِشَاعَةٍ حَوْلَ اخْتِطَافِ الأطْفَالِ فِي الدَّارِ البَيْضَاءِ";
    const b = "انتشار اشاعه حول اختطاف الاطفال في الدار البيضاء";
    expect(normalizeText(a)).toBe(normalizeText(b));
  });
});

describe("normalizeText (Latin)", () => {
  it.each([
    ["Élève À L'ÉCOLE", "eleve a l ecole"],
    ["Fausse   information\n\tsur   Casablanca", "fausse information sur casablanca"],
    ["Straße", "strasse"],
    ["œuvre", "oeuvre"],
    ["ＦＵＬＬ width", "full width"],
    ["Fake news 🚨🚨 about police!!!", "fake news about police"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it("keeps mixed-script text in order", () => {
    expect(normalizeText("Vidéo فيديو TikTok")).toBe("video فيديو tiktok");
  });

  it("is idempotent", () => {
    for (const s of ["مُحَمَّدٌ الإشـــاعة", "Élève À L'ÉCOLE", "x.com/اخبار"]) {
      expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
    }
  });
});

describe("stripControl", () => {
  it("removes NUL, controls and zero-width characters but keeps newlines and tabs", () => {
    expect(stripControl("a\u0000b\u0007c\u200Bd\ne\tf\u0085")).toBe("abcd\ne\tf");
  });

  it("removes bidi overrides but keeps direction marks", () => {
    expect(stripControl("\u202Eabc\u202C \u2067x\u2069 \u200Fع\u200E")).toBe("abc x \u200Fع\u200E");
  });
});

describe("toAsciiDigits", () => {
  it("turns Arabic-Indic and Eastern Arabic-Indic digits into 0-9 and leaves the rest as typed", () => {
    expect(toAsciiDigits("+212 ٦٠٠-١٢٣ ٤٥٦")).toBe("+212 600-123 456");
    expect(toAsciiDigits("۰۶۱۲ ۳۴۵ ۶۷۸۹")).toBe("0612 345 6789");
    expect(toAsciiDigits("Tél: 06")).toBe("Tél: 06");
  });
});
