import { expect, messages, test } from "./fixtures";

// Sharing from another app (the manifest's share_target) opens the report form filled in.
test("a link and a text shared to the installed app fill the report form", async ({
  page,
  request,
}) => {
  const manifest = await (await request.get("/ar/manifest.webmanifest")).json();
  expect(manifest.share_target).toMatchObject({
    action: "/ar/report",
    method: "GET",
    params: { title: "title", text: "text", url: "url" },
  });
  const text =
    "عاجل: صور لانهيار جسر على الطريق الوطنية رقم 1 https://www.facebook.com/share/p/1Xy/";
  await page.goto(
    `${manifest.share_target.action}?title=&text=${encodeURIComponent(text)}&url=${encodeURIComponent("https://x.com/demo/status/42")}`,
  );
  const m = messages.ar.report;
  await expect(page.getByLabel(m.urls)).toHaveValue(
    "https://x.com/demo/status/42\nhttps://www.facebook.com/share/p/1Xy/",
  );
  await expect(page.getByLabel(m.description)).toHaveValue(
    "عاجل: صور لانهيار جسر على الطريق الوطنية رقم 1",
  );
});
