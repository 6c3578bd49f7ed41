import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize";
import { searchStems, stemWord } from "./stem";

const found = (query: string, text: string) =>
  searchStems(query).every((s) => normalizeText(text).includes(s));

describe("searchStems", () => {
  it("finds a French word by another form of it", () => {
    expect(found("enlevés", "Démenti : aucun enlèvement d'enfants à Casablanca")).toBe(true);
    expect(found("enlèvement", "Des enfants auraient été enlevés devant une école")).toBe(true);
    expect(found("communiqués falsifiés", "Un faux communiqué falsifié circule")).toBe(true);
  });

  it("finds an English word by another form of it", () => {
    expect(found("abducted children", "A post claims a child abduction outside a school")).toBe(
      false,
    );
    expect(found("thefts", "A voice note claims a wave of theft in the markets")).toBe(true);
    expect(found("clashes", "presented as a clash that happened today")).toBe(true);
  });

  it("keeps short words and Arabic words whole, and every word must be found", () => {
    expect(stemWord("bus")).toBe("bus");
    expect(searchStems("اختطاف الأطفال")).toEqual([
      normalizeText("اختطاف"),
      normalizeText("الأطفال"),
    ]);
    expect(found("enlèvement Rabat", "enlèvement à Casablanca")).toBe(false);
  });
});
