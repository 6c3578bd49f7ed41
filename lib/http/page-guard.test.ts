import { describe, expect, it } from "vitest";
import { PAGE_BODY_LIMIT, pageRefusal } from "@/scripts/page-guard.mjs";

const post = (headers: Record<string, string>, url = "/fr/report") => pageRefusal("POST", url, { host: "iblagh.example", "content-length": "900", ...headers });

describe("pageRefusal", () => {
  it("lets a same-site form through, with or without an Origin header", () => {
    expect(post({ origin: "https://iblagh.example" })).toBeNull();
    expect(post({})).toBeNull();
    expect(post({ origin: "https://app.example", "x-forwarded-host": "app.example" })).toBeNull();
  });

  it("refuses a cross-site submission with a 403 in the page's language", () => {
    expect(post({ origin: "https://evil.example" })).toEqual({ status: 403, key: "crossOrigin", locale: "fr" });
    expect(post({ origin: "null" }, "/en/track")).toMatchObject({ status: 403, locale: "en" });
    expect(post({ origin: "not a url" }, "/xx")).toMatchObject({ status: 403, locale: "ar" });
  });

  it("refuses a body over the limit (413) and one without a declared size (411)", () => {
    expect(post({ "content-length": String(PAGE_BODY_LIMIT + 1) })).toMatchObject({ status: 413 });
    expect(post({ "content-length": "1e9" })).toMatchObject({ status: 413 });
    expect(pageRefusal("POST", "/ar/report", { host: "iblagh.example" })).toMatchObject({ status: 411 });
  });

  it("leaves reads and the API alone", () => {
    expect(pageRefusal("GET", "/ar/report", { origin: "https://evil.example" })).toBeNull();
    expect(pageRefusal("POST", "/api/v1/reports", { origin: "https://evil.example" })).toBeNull();
  });
});
