import { describe, expect, it } from "vitest";
import ar from "./messages/ar.json";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import { flattenStrings, REPORT_FORM_NAMESPACES, translatorFor } from "./client-strings";

describe("client strings", () => {
  it("flattens the namespaces asked for, and only those", () => {
    const s = flattenStrings({ a: { b: "x", c: { d: "y" } }, e: { f: "z" } }, ["a"]);
    expect(s).toEqual({ "a.b": "x", "a.c.d": "y" });
  });

  it("fills placeholders and shows a missing key as itself", () => {
    const t = translatorFor({ "report.urlsLine": "السطر {line}: {message}" });
    expect(t("report.urlsLine", { line: 2, message: "رابط غير صالح" })).toBe(
      "السطر 2: رابط غير صالح",
    );
    expect(t("report.nope")).toBe("report.nope");
  });

  // The form's translator only fills {name}: a plural, select or rich-text message in these
  // namespaces would reach citizens unformatted.
  it.each([
    ["ar", ar],
    ["fr", fr],
    ["en", en],
  ] as const)("%s: the form's messages use nothing but {name} placeholders", (_, messages) => {
    const strings = flattenStrings(messages, REPORT_FORM_NAMESPACES);
    expect(Object.keys(strings).length).toBeGreaterThan(50);
    for (const [key, s] of Object.entries(strings))
      expect(s.replace(/\{\w+\}/g, ""), key).not.toMatch(/[{}<>]/);
  });
});
