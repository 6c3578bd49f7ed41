import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize";
import { bandKeys, similarityTo, textSimilarity } from "./minhash";

// Pairs of forwarded messages as they really circulate: the same text re-forwarded with a
// prefix, diacritics, emoji or a changed word; and different claims on the same subject.
const SAME = [
  [
    "عاجل: عصابة تختطف الأطفال أمام المدارس في الدار البيضاء، انتبهوا لأولادكم وشاركوا الخبر",
    "⚠️⚠️ عَاجِل عصابة تختطف الأطفال امام المدارس في الدار البيضاء انتبهوا لاولادكم و شاركوا الخبر ⚠️",
  ],
  [
    "بلاغ: تعلن المديرية العامة للأمن الوطني عن حظر التجول ابتداء من الساعة العاشرة ليلا بمدينة طنجة",
    "بلاغ هام : تعلن المديرية العامة للامن الوطني عن حظر التجول ابتداءا من الساعة 10 ليلا بمدينة طنجة",
  ],
  [
    "URGENT : des enlèvements d'enfants signalés devant les écoles de Casablanca, partagez !",
    "Urgent des enlevements d enfants signales devant les ecoles de Casablanca partagez svp",
  ],
  [
    "La police annonce un couvre-feu à Rabat à partir de 22h, restez chez vous, message officiel",
    "la police annonce un couvre feu a rabat a partir de 22h restez chez vous (message officiel) 🚨",
  ],
];
const DIFFERENT = [
  [
    "عاجل: عصابة تختطف الأطفال أمام المدارس في الدار البيضاء",
    "انقطاع الماء في حي المعاريف بالدار البيضاء يوم الأحد حسب شركة التوزيع",
  ],
  [
    "La police annonce un couvre-feu à Rabat à partir de 22h",
    "Un accident de la route a fait deux blessés près de Fès ce matin selon des témoins",
  ],
  [
    "بلاغ: حظر التجول بمدينة طنجة ابتداء من الساعة العاشرة ليلا",
    "فيديو يظهر اعتداء على سائق سيارة أجرة في مراكش ليلة السبت",
  ],
];

const sim = (a: string, b: string) => textSimilarity(normalizeText(a), normalizeText(b));
const shareBand = (a: string, b: string) => {
  const kb = new Set(bandKeys(normalizeText(b)));
  return bandKeys(normalizeText(a)).some((k) => kb.has(k));
};

describe("text similarity of forwarded messages", () => {
  it.each(SAME)("finds the same message re-forwarded (%s)", (a, b) => {
    expect(sim(a, b)).toBeGreaterThanOrEqual(0.5);
    expect(shareBand(a, b)).toBe(true);
  });

  it.each(DIFFERENT)("keeps different claims apart (%s)", (a, b) => {
    expect(sim(a, b)).toBeLessThan(0.2);
  });

  it("is 1 for texts that normalise alike", () => {
    expect(sim("الشُّرْطَة", "الشرطه")).toBe(1);
  });
});

describe("bandKeys", () => {
  it("gives 20 distinct keys, one per band, and the same keys for the same text", () => {
    const keys = bandKeys(normalizeText(SAME[0][0]));
    expect(keys).toHaveLength(20);
    expect(new Set(keys.map((k) => k >> 32n)).size).toBe(20);
    expect(bandKeys(normalizeText(SAME[0][0]))).toEqual(keys);
  });

  it("rarely collides for unrelated texts", () => {
    let collisions = 0;
    for (const [a, b] of DIFFERENT) if (shareBand(a, b)) collisions++;
    expect(collisions).toBeLessThanOrEqual(1);
  });

  it("gives nothing for an empty text", () => expect(bandKeys("")).toEqual([]));
});

describe("similarityTo", () => {
  it("scores exactly as textSimilarity, once per distinct text, identical texts 1", () => {
    const texts = [
      "إشاعة عن انفجار في محطة القطار بفاس",
      "اشاعه عن انفجار في محطه القطار بفاس اليوم",
      "un incendie au marché de Rabat",
      "",
      "abc",
    ].map(normalizeText);
    for (const a of texts) {
      const s = similarityTo(a);
      for (const b of texts) {
        expect(s(b)).toBe(textSimilarity(a, b));
        expect(s(b)).toBe(textSimilarity(a, b));
      }
      expect(s(a)).toBe(1);
    }
  });
});
