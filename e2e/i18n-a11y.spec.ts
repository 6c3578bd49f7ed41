import { expect, expectNoSeriousA11yViolations, messages, test } from "./fixtures";

const PUBLIC_PAGES = ["", "/report", "/track", "/statements", "/stats", "/moderation/sign-in"];

for (const locale of ["ar", "en", "fr"] as const) {
  for (const path of PUBLIC_PAGES) {
    test(`/${locale}${path} has no serious accessibility violation`, async ({ page }) => {
      await page.goto(`/${locale}${path}`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expectNoSeriousA11yViolations(page);
    });
  }
}

test("the report form with errors shown is accessible too", async ({ page }) => {
  await page.goto("/ar/report");
  await page.getByRole("button", { name: messages.ar.report.submit }).click();
  await expect(page.getByTestId("form-error-summary")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("Arabic pages are right-to-left, the others left-to-right", async ({ page }) => {
  await page.goto("/ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.goto("/en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await page.goto("/fr/report");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
});

test("/ follows the browser's language, Arabic by default", async ({ browser }) => {
  for (const [acceptLanguage, expected] of [
    ["fr-FR,fr;q=0.9,en;q=0.8", "/fr"],
    ["en-US,en;q=0.9", "/en"],
    ["de-DE", "/ar"],
  ] as const) {
    const context = await browser.newContext({
      locale: acceptLanguage.split(",")[0],
      extraHTTPHeaders: { "Accept-Language": acceptLanguage },
    });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(new RegExp(`${expected}$`));
    await context.close();
  }
});

test("the language switcher keeps the page", async ({ page }) => {
  await page.goto("/ar/track");
  await page.getByRole("link", { name: "Français" }).click();
  await expect(page).toHaveURL(/\/fr\/track$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages.fr.track.heading);
});

test("the home page says what not to report and gives the emergency number", async ({ page }) => {
  await page.goto("/ar");
  await expect(page.getByRole("heading", { name: messages.ar.home.notTitle })).toBeVisible();
  await expect(page.locator('main a[href="tel:19"]')).toBeVisible();
  await expect(page.getByRole("link", { name: messages.ar.home.ctaTrack })).toHaveAttribute(
    "href",
    "/ar/track",
  );
});

test("pages say where their scripts, styles, images and requests may come from: this origin only", async ({
  browser,
}) => {
  // Its own page: the shared fixture fails a test on any violation, and this one makes one.
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto("/ar/report");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  // A script from elsewhere, as injected markup would try to load, is refused by the browser.
  const refused = page.waitForEvent("console", (m) => /Content Security Policy/i.test(m.text()));
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.src = "https://evil.example/x.js";
    document.head.append(s);
  });
  expect((await refused).text()).toContain("evil.example");
  await context.close();
});
