import { describe, expect, it } from "vitest";
import { ALL_CATEGORIES } from "@/lib/reports/categories";
import { ERROR_STATUS } from "@/lib/errors";
import { PLATFORMS } from "@/lib/text/canonical-url";
import ar from "./messages/ar.json";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import pageErrorAr from "./messages/page-error/ar.json";
import pageErrorEn from "./messages/page-error/en.json";
import pageErrorFr from "./messages/page-error/fr.json";

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, prefix = ""): string[] =>
  Object.entries(t).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const get = (t: Tree, key: string) =>
  key
    .split(".")
    .reduce<Tree | string | undefined>((n, k) => (typeof n === "object" ? n[k] : undefined), t);

describe("message files", () => {
  const arKeys = keys(ar).sort();

  it.each([
    ["fr", fr],
    ["en", en],
  ] as const)("%s has exactly the Arabic keys and the same placeholders", (_, messages) => {
    expect(keys(messages).sort()).toEqual(arKeys);
    for (const k of arKeys)
      expect(placeholders(get(messages, k) as string), k).toEqual(
        placeholders(get(ar, k) as string),
      );
  });

  it("for the error page (its own files: they ship on every page) have the same keys, none empty", () => {
    for (const messages of [pageErrorFr, pageErrorEn])
      expect(Object.keys(messages).sort()).toEqual(Object.keys(pageErrorAr).sort());
    for (const messages of [pageErrorAr, pageErrorFr, pageErrorEn])
      for (const v of Object.values(messages)) expect(v.trim()).not.toBe("");
  });

  it("name every category, platform and API error", () => {
    for (const c of ALL_CATEGORIES) expect(get(ar, `categories.${c}`)).toBeTypeOf("string");
    for (const p of PLATFORMS) expect(get(ar, `platforms.${p}`)).toBeTypeOf("string");
    for (const e of Object.keys(ERROR_STATUS))
      expect(get(ar, `apiErrors.${e}`)).toBeTypeOf("string");
  });

  it("in French, keep a non-breaking space before : ; ? ! » and after « (État : Traité)", () => {
    const strings = [...keys(fr).map((k) => get(fr, k) as string), ...Object.values(pageErrorFr)];
    expect(strings.filter((s) => / [:;?!»]|« /.test(s))).toEqual([]);
  });

  it("use the annual report's Arabic vocabulary", () => {
    expect(JSON.stringify(ar)).toContain("بيان تكذيب");
    expect(JSON.stringify(ar)).toContain("بيان حقيقة");
    expect(JSON.stringify(ar)).toContain("رقم التتبع");
    expect(get(ar, "outcomes.referred")).toContain("الخبرة التقنية");
  });
});

describe("validation keys used in code", () => {
  it("all exist in the message files", async () => {
    const fs = await import("node:fs");
    const sources = [
      "lib/reports/schema.ts",
      "lib/validation.ts",
      "components/report/report-form.tsx",
      "app/[locale]/(public)/track/actions.ts",
    ]
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f, "utf8"))
      .join("\n");
    const used = [...new Set([...sources.matchAll(/"validation\.(\w+)"/g)].map((m) => m[1]))];
    expect(used.length).toBeGreaterThan(10);
    for (const k of used) expect(get(ar, `validation.${k}`), k).toBeTypeOf("string");
  });
});
