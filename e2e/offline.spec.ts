import { expect, fillRumor, messages, test, uniqueText } from "./fixtures";
import { DEMO, expectSignedIn, openCaseOf, signIn } from "./staff";

// A report written without a connection waits on the phone and is stored once, when the
// connection returns, with its receipt then shown and kept.
test("a report sent offline is stored exactly once when the phone is back online", async ({
  page,
  context,
}) => {
  const m = messages.ar;
  await page.goto("/ar/report");
  // Installed: the service worker controls the page, and the form's queue is ready (it opens
  // its store on the phone when it loads).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(async () =>
    (await indexedDB.databases()).some((d) => d.name === "iblagh-offline"),
  );
  const description = uniqueText("إشاعة عن انقطاع الماء في مدينة فاس لمدة أسبوع كامل");
  await fillRumor(page, "ar", { description });

  await context.setOffline(true);
  await page.getByRole("button", { name: m.report.submit }).click();
  const queued = page.getByTestId("report-queued");
  await expect(queued).toContainText(m.report.queuedTitle);
  await expect(queued).toContainText(m.report.queuedBody);
  // It stays queued while offline: nothing reached the server.
  await page.waitForTimeout(500);
  await expect(queued).toBeVisible();

  await context.setOffline(false);
  const receipt = (await page.getByTestId("receipt").textContent())!.trim();
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem("iblagh:receipts:v1") ?? ""))
    .toContain(receipt);
  const left = await page.evaluate(
    () =>
      new Promise<number>((done) => {
        const open = indexedDB.open("iblagh-offline");
        open.onsuccess = () => {
          const req = open.result.transaction("reports").objectStore("reports").count();
          req.onsuccess = () => done(req.result);
        };
      }),
  );
  expect(left).toBe(0);

  // One report on its case, not two.
  const staff = await context.browser()!.newContext();
  const moderator = await staff.newPage();
  await signIn(moderator, DEMO.moderator, { next: "/ar/moderation" });
  await expectSignedIn(moderator);
  await openCaseOf(moderator, description);
  await expect(moderator.getByTestId("case-report")).toHaveCount(1);
  await expect(moderator.getByTestId("case-report")).toContainText(description);
  await staff.close();
});
