import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PageErrorView } from "./page-error";

const render = (locale: "ar" | "fr" | "en", staff = false) =>
  renderToStaticMarkup(createElement(PageErrorView, { locale, retry: () => {}, staff }));

describe("the page shown when a page fails on the server", () => {
  it("speaks the page's language and sends a citizen to the form, which keeps drafts", () => {
    const ar = render("ar");
    expect(ar).toContain("تعذّر عرض هذه الصفحة");
    expect(ar).toContain('href="/ar/report"');
    expect(ar).toContain('href="/ar"');
    expect(render("fr")).toContain("Cette page n’a pas pu s’afficher");
    expect(render("en")).toContain('href="/en/report"');
  });

  it("sends staff back to their queue instead", () => {
    const html = render("fr", true);
    expect(html).not.toContain("/fr/report");
    expect(html).toContain('href="/fr/moderation"');
  });
});
