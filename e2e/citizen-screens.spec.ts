import { expect, fillRumor, messages, test, uniqueText } from "./fixtures";

// What citizens stumbled on (issue 16), held by assertions: the form guides, nothing typed or
// received is lost without a word, tracking says what comes next.
const ar = messages.ar;

test("the error summary lists each error as a link to its field, and takes the focus", async ({
  page,
}) => {
  await page.goto("/ar/report");
  await page.getByRole("button", { name: ar.report.submit }).click();
  const summary = page.getByTestId("form-error-summary");
  await expect(summary).toBeFocused();
  await expect(
    summary.getByRole("link", { name: ar.validation.descriptionTooShort }),
  ).toHaveAttribute("href", "#f-description");
  await expect(
    summary.getByRole("link", { name: ar.validation.declarationRequired }),
  ).toHaveAttribute("href", "#f-declaration");
  await summary.getByRole("link", { name: ar.validation.kindRequired }).click();
  await expect(page).toHaveURL(/#f-kind$/);
  await expect(page.locator("#f-kind")).toBeVisible();
});

test("typing and leaving a field does not move the declaration's checkbox", async ({ page }) => {
  await page.goto("/ar/report");
  const box = page.getByLabel(ar.report.declaration);
  // Its place on the page (not on the screen, which scrolls as fields are filled).
  const top = () => box.evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  const before = await top();
  await page.getByLabel(ar.report.description).fill("قصير");
  await page.getByLabel(ar.report.urls).fill("ليس رابطا");
  await page.getByLabel(ar.report.description).blur();
  await expect(page.getByTestId("error-description")).toHaveCount(0);
  expect(await top()).toBe(before);
  // The first tap on it lands.
  await box.tap();
  await expect(box).toBeChecked();
});

test("a bad link is one error on its own line, and a long paste is kept whole and measured", async ({
  page,
}) => {
  await page.goto("/en/report");
  const m = messages.en;
  await fillRumor(page, "en", {
    description: "x".repeat(10_000),
    urls: "not a url\n\nhttps://x.com/a/status/1",
  });
  await expect(page.getByLabel(m.report.description)).toHaveValue("x".repeat(10_000));
  await expect(page.getByTestId("description-count")).toHaveText(
    m.report.descriptionOver.replace("{over}", "5000").replace("{max}", "5000"),
  );
  await page.getByRole("button", { name: m.report.submit }).click();
  await expect(page.getByTestId("error-urls")).toHaveText(
    m.report.urlsLine.replace("{line}", "1").replace("{message}", m.validation.urlInvalid),
  );
});

test("the receipt survives a language switch and a reload until the citizen says it is written down", async ({
  page,
}) => {
  await page.goto("/ar/report");
  await fillRumor(page, "ar", {
    description: uniqueText("خبر زائف عن إغلاق الطريق السيار بين الرباط وفاس الليلة"),
  });
  await page.getByRole("button", { name: ar.report.submit }).click();
  const receipt = (await page.getByTestId("receipt").textContent())!;

  // Leaving the page asks first.
  const asked = new Promise<string>((resolve) =>
    page.once("dialog", (d) => (resolve(d.type()), void d.accept())),
  );
  await page.evaluate(() => location.reload());
  expect(await asked).toBe("beforeunload");
  await expect(page.getByTestId("receipt")).toHaveText(receipt);

  await page.getByRole("link", { name: "Français" }).click();
  await expect(page).toHaveURL(/\/fr\/report/);
  await expect(page.getByTestId("receipt")).toHaveText(receipt);
  await expect(page.getByText(messages.fr.report.keepNotice)).toBeVisible();

  await page.getByTestId("receipt-written").check();
  await page.reload();
  await expect(page.getByRole("button", { name: messages.fr.report.submit })).toBeVisible();
});

test("tracking shows the steps and what happens next, and keeps the code in the field", async ({
  page,
}) => {
  await page.goto("/fr/track");
  await page.getByLabel(messages.fr.track.receipt).fill("DEM0-0000-0000-0002");
  await page.getByRole("button", { name: messages.fr.track.submit }).click();
  const steps = page.getByTestId("track-steps");
  await expect(steps.locator('[aria-current="step"]')).toContainText(
    messages.fr.statuses.in_review,
  );
  await expect(steps).toContainText(messages.fr.track.next.in_review);
  await expect(page.getByLabel(messages.fr.track.receipt)).toHaveValue("DEM0-0000-0000-0002");
  // French punctuation: a non-breaking space before the colon.
  await expect(page.getByTestId("track-result")).toContainText(
    `${messages.fr.track.statusLabel}\u00a0:`,
  );
});
