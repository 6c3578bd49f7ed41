import { describe, expect, it } from "vitest";
import type { YearFigures } from "./figures";
import { summaryParagraph } from "./summary";

const fig = (
  year: number,
  total: number,
  violent: number | null = null,
  referred = 0,
): YearFigures => ({
  year,
  statements: { denial: total, truth: 0, total, communique: 0 },
  withdrawn: 0,
  debunkChange: null,
  violentContentDetected: violent,
  judicialReferrals: referred,
  reportsReceived: 0,
  casesOpened: 0,
  reportsWithImages: 0,
  reportsJoinedByImage: 0,
  reportsAnsweredAtIntake: 0,
  joinedExistingShare: null,
  medianHoursToOutcome: null,
  source: "computed",
});

describe("summaryParagraph", () => {
  it("writes the annual report's sentence in Arabic", () => {
    expect(summaryParagraph("ar", fig(2025, 29, 260, 195), fig(2024, 40))).toBe(
      "سجلت سنة 2025 تراجعًا في الأخبار الزائفة الماسة بالإحساس بالأمن، إذ لم تتجاوز بيانات التكذيب وبيانات الحقيقة 29 حالة، مقابل 40 حالة خلال سنة 2024، أي بانخفاض نسبته 27,5٪. " +
        "وفي إطار اليقظة الرقمية، تم رصد 260 محتوى رقميًا يتضمن مشاهد عنف أو يوثق لأفعال إجرامية، أُحيل منها 195 على الأبحاث القضائية.",
    );
  });

  it.each([
    [1, "حالة واحدة"],
    [2, "حالتين"],
    [3, "3 حالات"],
    [10, "10 حالات"],
    [11, "11 حالة"],
    [99, "99 حالة"],
    [100, "100 حالة"],
    [103, "103 حالات"],
    [111, "111 حالة"],
  ])("agrees the Arabic counted noun with %i", (n, phrase) => {
    expect(summaryParagraph("ar", fig(2025, n))).toContain(`صدور ${phrase} من`);
  });

  it.each([
    [1, "محتوى رقمي واحد يتضمن"],
    [2, "محتويين رقميين يتضمنان"],
    [5, "5 محتويات رقمية تتضمن"],
    [260, "260 محتوى رقميًا يتضمن"],
    [200, "200 محتوى رقمي يتضمن"],
  ])("agrees the Arabic violent-content phrase with %i", (n, phrase) => {
    expect(summaryParagraph("ar", fig(2025, 0, n))).toContain(phrase);
  });

  it("says a rise, and an equal year, in Arabic", () => {
    expect(summaryParagraph("ar", fig(2025, 44), fig(2024, 40))).toContain("أي بارتفاع نسبته 10٪");
    expect(summaryParagraph("ar", fig(2025, 40), fig(2024, 40))).toContain(
      "وهو العدد نفسه المسجل خلال سنة 2024",
    );
  });

  it("writes French and English with their plurals", () => {
    expect(summaryParagraph("fr", fig(2025, 29, 260, 195), fig(2024, 40))).toBe(
      "En 2025, les démentis et mises au point n’ont pas dépassé 29 cas, contre 40 cas en 2024, soit une baisse de 27,5 % des fausses informations portant atteinte au sentiment de sécurité. " +
        "Au titre de la vigilance numérique, 260 contenus numériques montrant des violences ou documentant des actes criminels ont été détectés, dont 195 transmis pour enquête judiciaire.",
    );
    expect(summaryParagraph("fr", fig(2025, 1, 1))).toContain(
      "1 contenu numérique montrant des violences ou documentant des actes criminels a été détecté",
    );
    expect(summaryParagraph("en", fig(2025, 29, 260, 195), fig(2024, 40))).toBe(
      "In 2025, denial and truth statements did not exceed 29 cases, against 40 cases in 2024, a fall of 27.5% in fake news harming the public sense of security. " +
        "Under digital vigilance, 260 online contents showing violence or documenting crimes were detected, of which 195 were referred for judicial investigation.",
    );
    expect(summaryParagraph("en", fig(2025, 1, 1), fig(2024, 1))).toBe(
      "In 2025, denial and truth statements reached 1 case, the same as in 2024. Under digital vigilance, 1 online content showing violence or documenting a crime was detected, of which 0 were referred for judicial investigation.",
    );
  });
});

describe("medianByYear", () => {
  it("reads the median from the delays' histogram, like percentile_cont", async () => {
    const { medianByYear } = await import("./figures");
    const rows = [
      { year: 2025, dimension: "h:10", value: 2 },
      { year: 2025, dimension: "h:2", value: 1 },
      { year: 2025, dimension: "h:40", value: 1 },
      { year: 2024, dimension: "h:5", value: 3 },
    ];
    expect(medianByYear(rows).sort((a, b) => a.year - b.year)).toEqual([
      { year: 2024, median: 5 },
      { year: 2025, median: 10 },
    ]);
    expect(
      medianByYear([
        { year: 2025, dimension: "h:1", value: 1 },
        { year: 2025, dimension: "h:4", value: 1 },
      ]),
    ).toEqual([{ year: 2025, median: 2.5 }]);
  });
});
