import { expect, messages, test } from "./fixtures";

test("the annual page on the demo data shows 29 against 40, and 260 violent contents", async ({
  page,
}) => {
  await page.goto("/ar/stats/2025");
  await expect(page.getByTestId("annual-title")).toHaveText(
    messages.ar.stats.annualTitle.replace("{year}", "2025"),
  );
  await expect(page.getByTestId("cur-total")).toHaveText("29");
  await expect(page.getByTestId("prev-total")).toHaveText("40");
  await expect(page.getByTestId("cur-violent")).toHaveText("260");
  await expect(page.getByTestId("stats-summary")).toContainText(
    "لم تتجاوز بيانات التكذيب وبيانات الحقيقة 29 حالة، مقابل 40 حالة خلال سنة 2024",
  );
  // The chart's numbers are in a table beside it.
  await expect(page.getByTestId("by-year-table")).toContainText("2025");
});

test("the stats page shows this year and the last, and reads in French", async ({ page }) => {
  await page.goto("/fr/stats");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages.fr.stats.title);
  await expect(page.getByTestId("by-year-table")).toContainText("40");
  await expect(page.getByTestId("by-year-table")).toContainText("29");
});

test("the CSV carries the same figures as the JSON", async ({ request }) => {
  const json = await (await request.get("/api/v1/stats?from=2024&to=2025")).json();
  const csv = await (await request.get("/api/v1/stats.csv?from=2024&to=2025")).text();
  const [header, ...rows] = csv.trim().split("\r\n");
  const cols = header.split(",");
  expect(rows).toHaveLength(json.years.length);
  rows.forEach((row, i) => {
    const cells = Object.fromEntries(row.split(",").map((v, j) => [cols[j], v]));
    const y = json.years[i];
    expect(Number(cells.year)).toBe(y.year);
    expect(Number(cells.total)).toBe(y.statements.total);
    expect(Number(cells.denial)).toBe(y.statements.denial);
    expect(Number(cells.violentContentDetected)).toBe(y.violentContentDetected);
    expect(Number(cells.judicialReferrals)).toBe(y.judicialReferrals);
  });
  expect(json.years.map((y: { statements: { total: number } }) => y.statements.total)).toEqual([
    40, 29,
  ]);
  expect(json.years[1].violentContentDetected).toBe(260);
  expect((await request.get("/api/v1/stats?from=2030&to=2020")).status()).toBe(400);
});

test("a year in progress is compared with the same months of the year before, and the printed year names the organisation", async ({
  page,
}) => {
  const now = new Date();
  await page.goto("/fr/stats");
  if (now.getUTCMonth() > 0) {
    await expect(page.getByTestId("stats-period")).toContainText(
      messages.fr.stats.monthNames.split(",")[0],
    );
    // Not "0 against the whole year": the previous column counts the same months only.
    const prevTotal = Number(
      (await page.getByTestId("prev-total").textContent())!.replace(/\D/g, ""),
    );
    expect(prevTotal).toBeLessThanOrEqual(
      now.getUTCFullYear() - 1 === 2025 ? 29 : Number.MAX_SAFE_INTEGER,
    );
  }
  await page.goto("/ar/stats/2025");
  await expect(page.getByTestId("annual-org")).toContainText("2025");
  // One number format: Western digits and the Arabic percent sign in the summary and the table.
  await expect(page.getByTestId("change-total")).toContainText("-11");
  await expect(page.getByTestId("by-month-table")).toContainText("غشت");
  // The printed year fits two A4 pages.
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeLessThanOrEqual(
    2,
  );
});
