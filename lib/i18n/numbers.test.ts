import { describe, expect, it } from "vitest";
import { numbers } from "./numbers";

describe("numbers", () => {
  it("writes Western digits in every language, with each language's signs and spaces", () => {
    expect(numbers("ar").n(260)).toBe("260");
    expect(numbers("fr").n(1234.5)).toBe("1\u202f234,5");
    expect(numbers("en").signed(-11)).toBe("-11");
    expect(numbers("en").signedPercent(-27.5)).toBe("-27.5%");
    expect(numbers("fr").signedPercent(12)).toBe("+12\u00a0%");
  });

  it("puts the Arabic minus and percent sign as Arabic writes them, with a direction mark", () => {
    const s = numbers("ar").signedPercent(-100);
    expect(s).toContain("100");
    expect(s).toMatch(/[\u061c\u200e\u200f]/);
    expect(s).toMatch(/[-\u2212]/);
  });
});
