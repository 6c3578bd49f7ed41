import { describe, expect, it } from "vitest";
import { lookAlikeHost, readableUrl } from "./readable-url";

describe("readableUrl", () => {
  it("removes bidi controls, isolates, TAB, line separators and zero-width characters", () => {
    expect(readableUrl("https://example.com/\u202Egnp.exe")).toBe("https://example.com/gnp.exe");
    expect(readableUrl("https://exa\u200Bmple.com/a\u2066b\u2069\tc\u2028")).toBe(
      "https://example.com/abc",
    );
  });

  it("drops credentials and keeps the rest of the link", () => {
    expect(readableUrl("https://user:pass@example.com:8443/p?q=1#h")).toBe(
      "https://example.com:8443/p?q=1#h",
    );
    expect(readableUrl("https://facebook.com@evil.example/login")).toBe(
      "https://evil.example/login",
    );
  });

  it("shows an IDN host in Unicode", () => {
    expect(readableUrl("https://xn--mgbh0fb.xn--kgbechtv/")).toBe("https://مثال.إختبار/");
  });
});

describe("lookAlikeHost", () => {
  it("gives the punycode of a host mixing scripts or passing Cyrillic for Latin", () => {
    expect(lookAlikeHost("https://\u0430pple.com/")).toBe("xn--pple-43d.com");
    expect(lookAlikeHost("https://\u0440\u0430\u0443\u0440\u0430\u04cf.com/")).toMatch(/^xn--/);
  });

  it("leaves ASCII hosts and single-script IDN hosts alone", () => {
    expect(lookAlikeHost("https://example.com/")).toBeNull();
    expect(lookAlikeHost("https://مثال.إختبار/")).toBeNull();
    expect(lookAlikeHost("https://bücher.de/")).toBeNull();
  });
});
