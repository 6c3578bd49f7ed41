import { expect, messages, test } from "./fixtures";

// Public pages as shared and found (issue 16): links that point at this site, not a default
// address; a real 404; a list that counts and finds French words in their other forms.

test("feeds, the sitemap and robots.txt point at the address the site was reached at", async ({
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  for (const path of ["/ar/statements/feed.xml", "/sitemap.xml", "/robots.txt"]) {
    const body = await (await request.get(path)).text();
    expect(body, path).toContain(`${origin}/`);
    expect(body, path).not.toContain("localhost:3000");
  }
  const { items } = (await (await request.get("/api/v1/statements")).json()) as {
    items: { slug: string }[];
  };
  const html = await (await request.get(`/ar/statements/${items[0].slug}`)).text();
  expect(html).not.toContain("localhost:3000");
});

test("an unknown statement and an unknown language get the site's own 404, header and all", async ({
  page,
}) => {
  // First /xx: it is sent to the visitor's language (Accept-Language here, the cookie once set).
  for (const [path, locale] of [
    ["/xx", "ar"],
    ["/ar/statements/unknown", "ar"],
    ["/fr/nulle-part", "fr"],
  ] as const) {
    const res = await page.goto(path);
    expect(res!.status(), path).toBe(404);
    await expect(page.getByTestId("not-found")).toContainText(messages[locale].notFound.heading);
    await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
    await expect(
      page.getByRole("navigation", { name: messages[locale].nav.mainNav }),
    ).toBeVisible();
    // Nothing runs off the screen's edge.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
  }
});

test("the statement list counts its results and finds «enlevés» when searching «enlèvement»", async ({
  page,
}) => {
  await page.goto(`/fr/statements?q=${encodeURIComponent("enlèvement")}`);
  const count = page.getByTestId("statement-count");
  await expect(count).not.toHaveText(/^Aucun/);
  await expect(page.getByTestId("statement-list").locator("li").first()).toContainText(/enlevés/i);
  // Denial and truth badges differ.
  await page.goto("/fr/statements");
  const denial = page.locator('[data-testid="statement-type"][data-type="denial"]').first();
  const truth = page.locator('[data-testid="statement-type"][data-type="truth"]').first();
  const colour = (l: typeof denial) => l.evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(await colour(denial)).not.toBe(await colour(truth));
});

test("an Arabic-only statement read in English says so, keeps its Arabic right-to-left and translates the verdict", async ({
  page,
  request,
}) => {
  const { items } = (await (await request.get("/api/v1/statements?type=denial")).json()) as {
    items: { slug: string }[];
  };
  for (const { slug } of items) {
    const api = (await (await request.get(`/api/v1/statements/${slug}`)).json()) as {
      content: Record<string, unknown>;
    };
    if (api.content.en) continue;
    await page.goto(`/en/statements/${slug}`);
    await expect(page.getByTestId("language-fallback")).toBeVisible();
    await expect(page.getByTestId("claim")).toHaveAttribute("dir", "rtl");
    await expect(page.getByTestId("claim")).toHaveAttribute("lang", "ar");
    await expect(page.getByTestId("claim")).not.toHaveCSS("font-style", "italic");
    await expect(page.getByTestId("verdict")).toHaveText(messages.en.statements.verdicts.denial);
    return;
  }
  throw new Error("no Arabic-only denial in the demo content");
});

test("the site is an installable app: a manifest per language with its direction, and icons", async ({
  request,
}) => {
  const manifest = await (await request.get("/ar/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({
    lang: "ar",
    dir: "rtl",
    start_url: "/ar",
    display: "standalone",
  });
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()["content-type"]).toContain(icon.type);
  }
  expect((await request.get("/fr/manifest.webmanifest")).ok()).toBe(true);
});
