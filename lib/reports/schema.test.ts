import { describe, expect, it } from "vitest";
import { toFieldErrors } from "@/lib/validation";
import { reportFromFormData, reportSchema, urlLines } from "./schema";

const valid = {
  kind: "rumor",
  category: "security_rumor",
  urls: ["https://www.facebook.com/page/posts/1"],
  description: "إشاعة عن اختطاف أطفال قرب مدرسة في الدار البيضاء",
  declaration: true,
};

const errorsOf = (input: unknown) => {
  const r = reportSchema.safeParse(input);
  return r.success ? {} : toFieldErrors(r.error.issues);
};

describe("reportSchema", () => {
  it("accepts a minimal rumour report", () => {
    const r = reportSchema.parse(valid);
    expect(r.urls).toEqual(["https://www.facebook.com/page/posts/1"]);
    expect(r.contact).toBeUndefined();
  });

  it("accepts a forwarded message without links when the platform is chosen", () => {
    expect(errorsOf({ ...valid, urls: [], platform: "whatsapp" })).toEqual({});
  });

  it("lists every field problem at once, cross-field rules included", () => {
    expect(
      errorsOf({
        kind: "violent_content",
        category: "fake_incident",
        description: "short",
        declaration: false,
      }),
    ).toEqual({
      description: "validation.descriptionTooShort",
      declaration: "validation.declarationRequired",
      category: "validation.categoryMismatch",
      urls: "validation.urlRequiredForViolent",
      platform: "validation.platformRequired",
    });
  });

  it("needs a link for violent content", () => {
    expect(
      errorsOf({
        ...valid,
        kind: "violent_content",
        category: "violence",
        urls: [],
        platform: "tiktok",
      }),
    ).toEqual({
      urls: "validation.urlRequiredForViolent",
    });
  });

  it.each([
    [{ kind: "spam" }, "kind", "validation.kindRequired"],
    [{ category: "nope" }, "category", "validation.categoryRequired"],
    [{ urls: ["javascript:alert(1)"] }, "urls.0", "validation.urlInvalid"],
    [{ urls: ["https://ok.ma/a", "ftp://x.ma/f"] }, "urls.1", "validation.urlInvalid"],
    [
      { urls: Array.from({ length: 6 }, (_, i) => `https://ok.ma/${i}`) },
      "urls",
      "validation.tooManyUrls",
    ],
    [{ urls: [`https://ok.ma/${"a".repeat(3000)}`] }, "urls.0", "validation.urlTooLong"],
    [{ urls: "not-an-array" }, "urls.0", "validation.urlInvalid"],
    [{ urls: [42] }, "urls.0", "validation.urlInvalid"],
    [{ description: "x".repeat(5001) }, "description", "validation.descriptionTooLong"],
    [{ description: 12345 }, "description", "validation.descriptionTooShort"],
    [{ description: `   ${"\u0000".repeat(30)}abc   ` }, "description", "validation.textIllFormed"],
    [
      { description: `   ${"\u200B".repeat(30)}abc   ` },
      "description",
      "validation.descriptionTooShort",
    ],
    [{ seenAt: "yesterday" }, "seenAt", "validation.seenAtInvalid"],
    [{ seenAt: "2999-01-01" }, "seenAt", "validation.seenAtFuture"],
    [{ seenAt: "1999-12-31" }, "seenAt", "validation.seenAtTooOld"],
    [{ contact: { email: "not-an-email" } }, "contact.email", "validation.emailInvalid"],
    [{ contact: { phone: "12" } }, "contact.phone", "validation.phoneInvalid"],
    [{ contact: { phone: "call me maybe" } }, "contact.phone", "validation.phoneInvalid"],
    [{ platform: "myspace" }, "platform", "validation.platformInvalid"],
    [{ locale: "de" }, "locale", "validation.localeInvalid"],
    [{ declaration: "yes" }, "declaration", "validation.declarationRequired"],
  ])("rejects %j at %s", (patch, path, key) => {
    expect(errorsOf({ ...valid, ...patch })[path]).toBe(key);
  });

  it.each([
    [{ description: "خبر زائف عن حادث سير لم يقع \ud800 في طنجة" }, "description"],
    [{ description: "خبر زائف عن حادث سير\u0000 لم يقع في طنجة" }, "description"],
    [{ description: "خبر زائف عن حادث سير\u0007 لم يقع في طنجة" }, "description"],
    [{ urls: ["https://x.com/a/status/1\ud800"] }, "urls.0"],
    [{ urls: ["https://x.com/a\u0000/status/1"] }, "urls.0"],
  ])("refuses ill-formed text %j with a field error, not a repair", (patch, path) => {
    expect(errorsOf({ ...valid, ...patch })[path]).toBe("validation.textIllFormed");
  });

  it("keeps newlines, tabs and paired surrogates (emoji) in a description", () => {
    const r = reportSchema.parse({
      ...valid,
      description: "خبر زائف\n\tعن حادث سير لم يقع 🚨 في طنجة",
    });
    expect(r.description).toBe("خبر زائف\n\tعن حادث سير لم يقع 🚨 في طنجة");
  });

  it("cleans what it keeps: zero-width and bidi controls out, digits and phone separators normalised", () => {
    const r = reportSchema.parse({
      ...valid,
      description: "\u202E خبر زائف\u200B عن حادث سير لم يقع في طنجة \u200B",
      contact: { email: " citizen@example.ma ", phone: "+212 ٦٠٠-٠٠٠ ٠٠٠" },
      seenAt: "2025-06-01",
    });
    expect(r.description).toBe("خبر زائف عن حادث سير لم يقع في طنجة");
    expect(r.contact).toEqual({ email: "citizen@example.ma", phone: "+212600000000" });
    expect(r.seenAt).toEqual(new Date("2025-06-01"));
  });

  it("reads a native form post", () => {
    const fd = new FormData();
    fd.set("kind", "rumor");
    fd.set("category", "fake_incident");
    fd.set("urls", "https://x.com/a/status/1\n\n  https://youtu.be/abc  \n");
    fd.set("description", "Une fausse information sur un accident à Rabat");
    fd.set("contact.email", "");
    fd.set("contact.phone", "");
    fd.set("seenAt", "");
    fd.set("declaration", "on");
    const r = reportSchema.parse(reportFromFormData(fd));
    expect(r.urls).toEqual(["https://x.com/a/status/1", "https://youtu.be/abc"]);
    expect(r.contact).toEqual({});
    expect(r.seenAt).toBeUndefined();
    expect(r.declaration).toBe(true);
  });

  it("never throws, whatever the input", () => {
    for (const input of [
      null,
      undefined,
      1,
      "x",
      [],
      { kind: {} },
      { contact: "x" },
      { urls: { a: 1 } },
      { description: ["a"] },
    ]) {
      expect(() => reportSchema.safeParse(input)).not.toThrow();
      expect(reportSchema.safeParse(input).success).toBe(false);
    }
  });

  it("reads the links' textarea by lines: words of one bad line are one error on that line", () => {
    const text = "not a link\n\nhttps://x.com/a/status/1";
    expect(errorsOf({ ...valid, urls: text })).toEqual({ "urls.0": "validation.urlInvalid" });
    expect(urlLines(text)).toEqual([1, 3]);
  });
});
