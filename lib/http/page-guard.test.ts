import { describe, expect, it } from "vitest";
import {
  decodablePath,
  isActionRequest,
  PAGE_BODY_LIMIT,
  pageRefusal,
  REPORT_BODY_LIMIT,
} from "@/scripts/page-guard.mjs";
import { MAX_IMAGE_BYTES, MAX_IMAGES } from "@/lib/image/normalize";

const post = (headers: Record<string, string>, url = "/fr/report") =>
  pageRefusal("POST", url, { host: "iblagh.example", "content-length": "900", ...headers });

describe("pageRefusal", () => {
  it("lets a same-site form through, with or without an Origin header", () => {
    expect(post({ origin: "https://iblagh.example" })).toBeNull();
    expect(post({})).toBeNull();
    expect(post({ origin: "https://app.example", "x-forwarded-host": "app.example" })).toBeNull();
  });

  it("refuses a cross-site submission with a 403 in the page's language", () => {
    expect(post({ origin: "https://evil.example" })).toEqual({
      status: 403,
      key: "crossOrigin",
      locale: "fr",
    });
    expect(post({ origin: "null" }, "/en/track")).toMatchObject({ status: 403, locale: "en" });
    expect(post({ origin: "not a url" }, "/xx")).toMatchObject({ status: 403, locale: "ar" });
  });

  it("refuses a body over the limit (413) and one without a declared size (411)", () => {
    expect(post({ "content-length": String(PAGE_BODY_LIMIT + 1) }, "/fr/track")).toMatchObject({
      status: 413,
    });
    // The report form takes its four pictures, and no more.
    expect(REPORT_BODY_LIMIT).toBe(MAX_IMAGES * MAX_IMAGE_BYTES + PAGE_BODY_LIMIT);
    expect(post({ "content-length": String(REPORT_BODY_LIMIT) })).toBeNull();
    expect(post({ "content-length": String(REPORT_BODY_LIMIT + 1) })).toMatchObject({
      status: 413,
    });
    expect(post({ "content-length": "1e9" })).toMatchObject({ status: 413 });
    expect(pageRefusal("POST", "/ar/report", { host: "iblagh.example" })).toMatchObject({
      status: 411,
    });
  });

  it("leaves reads and the API alone", () => {
    expect(pageRefusal("GET", "/ar/report", { origin: "https://evil.example" })).toBeNull();
    expect(pageRefusal("POST", "/api/v1/reports", { origin: "https://evil.example" })).toBeNull();
  });
});

describe("decodablePath", () => {
  it("keeps every path Next can decode as it is", () => {
    for (const url of [
      "/ar/statements/2025-12",
      "/fr/statements?q=%C3%A9t%C3%A9%25",
      "/en/report",
      "/ar/%D8%A8%D9%8A%D8%A7%D9%86",
      "/",
    ]) {
      expect(decodablePath(url)).toBe(url);
    }
  });

  it("replaces a segment that fails to decode, once or twice, and keeps the query", () => {
    expect(decodablePath("/en/statements/%25s%25s")).toBe("/en/statements/%EF%BF%BD");
    expect(decodablePath("/api/v1/statements/%ED%A0%80?x=%25")).toBe(
      "/api/v1/statements/%EF%BF%BD?x=%25",
    );
    expect(decodablePath("/fr/stats/%")).toBe("/fr/stats/%EF%BF%BD");
    expect(decodablePath("/ar/statements/%E2%80%AE%ZZ/share.png")).toBe(
      "/ar/statements/%EF%BF%BD/share.png",
    );
    expect(decodablePath("/..%2f/statements/x")).toBe("/%EF%BF%BD/statements/x");
    expect(decodablePath("/ar/a%5Cb")).toBe("/ar/%EF%BF%BD");
  });
});

describe("isActionRequest", () => {
  it("is a page POST with the Next-Action header or a form body", () => {
    expect(
      isActionRequest("POST", "/fr/track", { "next-action": "abc", "content-type": "text/plain" }),
    ).toBe(true);
    expect(
      isActionRequest("POST", "/fr/track", { "content-type": "multipart/form-data; boundary=x" }),
    ).toBe(true);
    expect(
      isActionRequest("POST", "/fr/track", { "content-type": "application/x-www-form-urlencoded" }),
    ).toBe(true);
    expect(isActionRequest("POST", "/fr/track", { "content-type": "application/json" })).toBe(
      false,
    );
    expect(isActionRequest("POST", "/api/v1/reports", { "next-action": "abc" })).toBe(false);
    expect(isActionRequest("GET", "/fr/track", { "next-action": "abc" })).toBe(false);
  });
});
