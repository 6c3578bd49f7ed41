import { expect, fillRumor, messages, test, uniqueText } from "./fixtures";

// Receipts kept on the phone: the tracking page lists the reports sent from this browser with
// their status, without typing; each can be removed, or all.
test("the tracking page lists the receipts this browser kept, and forgets them on request", async ({
  page,
}) => {
  const m = messages.ar;
  const send = async (text: string) => {
    await page.goto("/ar/report");
    await fillRumor(page, "ar", { description: uniqueText(text) });
    await page.getByRole("button", { name: m.report.submit }).click();
    const receipt = (await page.getByTestId("receipt").textContent())!.trim();
    await expect(page.getByTestId("receipt-kept-on-device")).toHaveText(m.report.keptOnDevice);
    // Kept by a module loaded with the receipt (not with the form): a moment after it shows.
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem("iblagh:receipts:v1") ?? ""))
      .toContain(receipt);
    await page.getByTestId("receipt-written").check();
    return receipt;
  };
  const first = await send("إشاعة عن إغلاق المدارس في جهة الشرق بسبب وباء خطير");
  const second = await send("خبر زائف عن زلزال قوي مرتقب في مدينة أكادير هذه الليلة");

  await page.goto("/ar/track");
  const list = page.getByTestId("kept-receipts");
  await expect(list.getByRole("heading")).toHaveText(m.track.keptHeading);
  const items = list.getByTestId("kept-receipt");
  // Newest first, each with its status looked up.
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(second);
  await expect(items.nth(1)).toContainText(first);
  await expect(items.nth(0).getByTestId("kept-status")).toHaveAttribute("data-status", "received");
  await expect(items.nth(1).getByTestId("kept-status")).toHaveText(m.statuses.received);

  await items.nth(0).getByRole("button", { name: m.track.keptRemove }).click();
  await expect(items).toHaveCount(1);
  await expect(items.nth(0)).toContainText(first);
  await page.reload();
  await expect(page.getByTestId("kept-receipt")).toHaveCount(1);

  await page.getByRole("button", { name: m.track.keptForgetAll }).click();
  await expect(page.getByTestId("kept-receipts")).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem("iblagh:receipts:v1"))).toBeNull();
});
