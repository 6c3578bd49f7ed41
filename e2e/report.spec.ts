import { expect, fillRumor, messages, test, uniqueText } from "./fixtures";

const ar = messages.ar;

test("a citizen reports a rumour in Arabic on a phone, keeps the receipt and tracks it", async ({
  page,
}) => {
  await page.goto("/ar");
  await page.getByRole("link", { name: ar.home.ctaReport }).click();
  await expect(page).toHaveURL(/\/ar\/report$/);

  await fillRumor(page, "ar", {
    urls: "https://m.facebook.com/groups/x/posts/42?fbclid=abc",
    description: uniqueText("إشاعة عن اختطاف أطفال قرب مدرسة بمدينة مراكش"),
  });
  // The platform is read from the link, not asked.
  await expect(
    page.getByText(ar.report.platformDetected.replace("{platform}", ar.platforms.facebook)),
  ).toBeVisible();
  await page.getByRole("button", { name: ar.report.submit }).click();

  await expect(page.getByRole("heading", { name: ar.report.successHeading })).toBeVisible();
  const receipt = (await page.getByTestId("receipt").textContent())!.trim();
  expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);

  // The draft is gone once the report is accepted.
  expect(await page.evaluate(() => localStorage.getItem("iblagh:report-draft:v1"))).toBeNull();

  await page.getByRole("link", { name: ar.report.trackLink }).click();
  await expect(page).toHaveURL(/\/ar\/track$/);
  // Typed as a person might: lower case, spaces instead of dashes.
  await page.getByLabel(ar.track.receipt).fill(receipt.toLowerCase().replace(/-/g, " "));
  await page.getByRole("button", { name: ar.track.submit }).click();
  await expect(page.getByTestId("track-status")).toHaveText(ar.statuses.received);
});

test("shows every error next to its field, in Arabic, and keeps what was typed", async ({
  page,
}) => {
  await page.goto("/ar/report");
  await page.getByLabel(ar.report.kinds.violent_content).check();
  await page.getByLabel(ar.report.description).fill("قصير");
  await page.getByRole("button", { name: ar.report.submit }).click();

  await expect(page.getByTestId("form-error-summary")).toBeVisible();
  await expect(page.getByTestId("error-description")).toHaveText(ar.validation.descriptionTooShort);
  await expect(page.getByTestId("error-declaration")).toHaveText(ar.validation.declarationRequired);
  await expect(page.getByTestId("error-urls")).toHaveText(ar.validation.urlRequiredForViolent);
  // Screen readers hear the error with the field.
  const description = page.getByLabel(ar.report.description);
  await expect(description).toHaveAttribute("aria-invalid", "true");
  await expect(description).toHaveAccessibleDescription(
    new RegExp(ar.validation.descriptionTooShort),
  );
  await expect(description).toHaveValue("قصير");
});

test("a failed submission keeps the draft, through a reload, until the report is accepted", async ({
  page,
}) => {
  const description = uniqueText("Un faux communiqué de police annonce un couvre-feu à Tanger");
  await page.goto("/fr/report");
  await fillRumor(page, "fr", { description, email: "citoyen@example.ma" });

  // The server is unreachable for this attempt.
  await page.route("**/fr/report", (route) =>
    route.request().method() === "POST"
      ? route.fulfill({ status: 503, body: "" })
      : route.continue(),
  );
  await page.getByRole("button", { name: messages.fr.report.submit }).click();
  await expect(page.getByTestId("form-error")).toHaveText(messages.fr.report.failed);
  await expect(page.getByLabel(messages.fr.report.description)).toHaveValue(description);

  // Even a closed tab loses nothing.
  await page.unroute("**/fr/report");
  await page.reload();
  await expect(page.getByTestId("draft-restored")).toBeVisible();
  await expect(page.getByLabel(messages.fr.report.description)).toHaveValue(description);
  await expect(page.getByLabel(messages.fr.report.email)).toHaveValue("citoyen@example.ma");
  await expect(page.getByLabel(messages.fr.report.kinds.rumor)).toBeChecked();

  await page.getByLabel(messages.fr.report.declaration).check();
  await page.getByRole("button", { name: messages.fr.report.submit }).click();
  await expect(page.getByTestId("receipt")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form still reports, and errors come back beside the fields", async ({ page }) => {
    await page.goto("/en/report");
    const m = messages.en.report;
    await page.getByLabel(m.kinds.rumor).check();
    await page.getByLabel(m.category, { exact: true }).selectOption("fake_incident");
    await page.getByLabel(m.platform).selectOption("whatsapp");
    await page.getByLabel(m.description).fill("too short");
    await page.getByRole("button", { name: m.submit }).click();

    await expect(page.getByTestId("error-description")).toHaveText(
      messages.en.validation.descriptionTooShort,
    );
    await expect(page.getByTestId("error-declaration")).toHaveText(
      messages.en.validation.declarationRequired,
    );
    await expect(page.getByLabel(m.category, { exact: true })).toHaveValue("fake_incident");

    await page
      .getByLabel(m.description)
      .fill(uniqueText("A forwarded voice note claims the police closed the Casablanca highway"));
    await page.getByLabel(m.declaration).check();
    await page.getByRole("button", { name: m.submit }).click();
    await expect(page.getByRole("heading", { name: m.successHeading })).toBeVisible();
    await expect(page.getByTestId("receipt")).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  });

  test("sending the same page again (a reload of the receipt) returns the same receipt", async ({
    page,
  }) => {
    await page.goto("/en/report");
    const m = messages.en.report;
    await page.getByLabel(m.kinds.rumor).check();
    await page.getByLabel(m.category, { exact: true }).selectOption("fake_incident");
    await page.getByLabel(m.platform).selectOption("whatsapp");
    await page
      .getByLabel(m.description)
      .fill(uniqueText("A forwarded message claims the tramway stops running tonight in Rabat"));
    await page.getByLabel(m.declaration).check();
    const posted = page.waitForRequest(
      (r) => r.method() === "POST" && r.url().includes("/en/report"),
    );
    await page.getByRole("button", { name: m.submit }).click();
    const receipt = (await page.getByTestId("receipt").textContent())!.trim();
    const request = await posted;

    // What the browser does on reload: the same body, posted again.
    const again = await page.request.post(request.url(), {
      headers: {
        "content-type": request.headers()["content-type"],
        origin: new URL(request.url()).origin,
      },
      data: request.postDataBuffer()!,
    });
    expect(again.status()).toBe(200);
    const html = await again.text();
    expect(html).toContain(receipt);
    // And another visit of the form is another report.
    await page.goto("/en/report");
    const key = await page.locator('input[name="idempotencyKey"]').inputValue();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(request.postData()).not.toContain(key);
  });

  test("tracking works too", async ({ page }) => {
    await page.goto("/en/track");
    await page.getByLabel(messages.en.track.receipt).fill("DEM0-0000-0000-0003");
    await page.getByRole("button", { name: messages.en.track.submit }).click();
    await expect(page.getByTestId("track-status")).toHaveText(messages.en.statuses.closed);
    await expect(page.getByTestId("track-outcome")).toContainText(messages.en.outcomes.referred);
  });
});

test("an unknown receipt says so, without detail", async ({ page }) => {
  await page.goto("/ar/track");
  await page.getByLabel(ar.track.receipt).fill("ZZZZ-ZZZZ-ZZZZ-ZZZZ");
  await page.getByRole("button", { name: ar.track.submit }).click();
  await expect(page.getByTestId("track-error")).toHaveText(ar.track.notFound);
});
