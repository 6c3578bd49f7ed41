import type { Page } from "@playwright/test";
import sharp from "sharp";
import { SHARE_CACHE } from "../lib/pwa/share-cache";
import { expect, messages, test } from "./fixtures";

// Sharing from another app (the manifest's share_target) opens the report form filled in:
// Android posts the shared words, link and pictures to the target as a form, as done here.
const text = "عاجل: صور لانهيار جسر على الطريق الوطنية رقم 1 https://www.facebook.com/share/p/1Xy/";
const url = "https://x.com/demo/status/42";

/** What Chrome on Android does when a citizen picks Iblagh in the share sheet. */
async function share(page: Page, action: string, files: { name: string; buffer: Buffer }[]) {
  await page.evaluate((action) => {
    document.body.insertAdjacentHTML(
      "beforeend",
      `<form id="share-sheet" method="post" enctype="multipart/form-data" action="${action}">
        <input name="title"><input name="text"><input name="url">
        <input type="file" name="images" multiple></form>`,
    );
  }, action);
  const sheet = page.locator("#share-sheet");
  await sheet.locator("[name=text]").fill(text);
  await sheet.locator("[name=url]").fill(url);
  await sheet
    .locator("[name=images]")
    .setInputFiles(files.map((f) => ({ ...f, mimeType: "image/jpeg" })));
  await page.evaluate(() => (document.getElementById("share-sheet") as HTMLFormElement).submit());
}

const picture = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: "#a33" } })
    .jpeg()
    .toBuffer();

test("a link, a text and a picture shared to the installed app fill the report form", async ({
  page,
  request,
}) => {
  const manifest = await (await request.get("/ar/manifest.webmanifest")).json();
  expect(manifest.share_target).toMatchObject({
    action: "/api/share/ar",
    method: "POST",
    enctype: "multipart/form-data",
    params: { title: "title", text: "text", url: "url", files: [{ name: "images" }] },
  });
  // Installed: the page is controlled by the app's service worker.
  await page.goto("/ar");
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await share(page, manifest.share_target.action, [{ name: "جسر.jpg", buffer: await picture() }]);
  await expect(page).toHaveURL(/\/ar\/report\?shared=[0-9a-f-]{36}$/);
  const m = messages.ar.report;
  await expect(page.getByLabel(m.urls)).toHaveValue(
    "https://x.com/demo/status/42\nhttps://www.facebook.com/share/p/1Xy/",
  );
  await expect(page.getByLabel(m.description)).toHaveValue(
    "عاجل: صور لانهيار جسر على الطريق الوطنية رقم 1",
  );
  await expect(page.getByTestId("picture-preview")).toHaveCount(1);
  // Taken once: the worker's copy is gone.
  await expect
    .poll(() =>
      page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, SHARE_CACHE),
    )
    .toBe(0);
});

test.describe("without a service worker", () => {
  test.use({ serviceWorkers: "block" });

  test("a share still opens the form with its words", async ({ page }) => {
    await page.goto("/ar");
    await share(page, "/api/share/ar", [{ name: "a.jpg", buffer: await picture() }]);
    await expect(page).toHaveURL(/\/ar\/report\?/);
    await expect(page.getByLabel(messages.ar.report.urls)).toHaveValue(
      "https://x.com/demo/status/42\nhttps://www.facebook.com/share/p/1Xy/",
    );
  });
});
