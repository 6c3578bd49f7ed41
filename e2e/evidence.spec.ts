import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { expect, fillRumor, messages, test, uniqueText } from "./fixtures";
import { DEMO, expectSignedIn, signIn } from "./staff";

// Pictures as evidence, end to end: sent with and without JavaScript and by the API, refused
// when they are not pictures, shown to staff blurred until they look, exported with a manifest.
const photo = (seed: number) =>
  sharp({ create: { width: 900, height: 700, channels: 3, background: { r: seed, g: 90, b: 40 } } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="900" height="700"><circle cx="${300 + seed}" cy="350" r="180" fill="#fff"/><rect x="600" y="${80 + seed}" width="220" height="140" fill="#111"/></svg>`,
        ),
      },
    ])
    .withExif({ IFD0: { Make: "CameraMaker", Model: "Serial-0042" } })
    .jpeg()
    .toBuffer();

const jpeg = async (seed: number, name = `photo-${seed}.jpg`) => ({
  name,
  mimeType: "image/jpeg",
  buffer: await photo(seed),
});

test("the API takes a report with pictures and refuses a file that is not one", async ({
  request,
}) => {
  const fields = {
    kind: "rumor",
    category: "manipulated_media",
    platform: "whatsapp",
    description: uniqueText("صورة مفبركة لحريق في سوق شعبي بمدينة فاس"),
    declaration: "true",
  };
  const ok = await request.post("/api/v1/reports", {
    multipart: { ...fields, "images[]": await jpeg(11) },
  });
  expect(ok.status()).toBe(201);
  expect((await ok.json()).receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

  const html = await request.post("/api/v1/reports", {
    headers: { "accept-language": "fr" },
    multipart: {
      ...fields,
      "images[]": {
        name: "photo.jpg",
        mimeType: "image/jpeg",
        buffer: Buffer.from("<html><script>alert(1)</script>"),
      },
    },
  });
  expect(html.status()).toBe(415);
  expect(await html.json()).toMatchObject({
    reason: "image_type",
    message: messages.fr.imageErrors.image_type,
  });
});

test("a citizen attaches a picture without JavaScript, and a moderator sees it blurred, then looks", async ({
  browser,
  page,
}) => {
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const citizen = await noJs.newPage();
  await citizen.goto("/ar/report");
  const description = uniqueText("صورة متداولة لحادث سير خطير قرب محطة القطار بمدينة طنجة");
  await fillRumor(citizen, "ar", { description, category: "manipulated_media" });
  await citizen.getByLabel(messages.ar.report.images).setInputFiles([await jpeg(33)]);
  await citizen.getByRole("button", { name: messages.ar.report.submit }).click();
  await expect(citizen.getByTestId("receipt")).toBeVisible();
  await noJs.close();

  const s = messages.ar.staff;
  await signIn(page, DEMO.moderator, { next: "/ar/moderation" });
  await expectSignedIn(page);
  await page.getByLabel(s.queue.search).fill(description.split(" ").slice(-2).join(" "));
  await page.getByRole("button", { name: s.queue.apply, exact: true }).click();
  await page.getByTestId("queue-row").first().getByRole("link").first().click();
  const image = page.getByTestId("evidence-image").first();
  await expect(image.locator("img")).toHaveAttribute("data-shown", "false");
  await expect(image.locator("img")).toHaveClass(/blur/);
  // The thumbnail is served: an image, no metadata left, not cacheable by a shared cache.
  const src = await image.locator("img").getAttribute("src");
  const thumb = await page.request.get(src!);
  expect(thumb.headers()["content-type"]).toBe("image/webp");
  expect(thumb.headers()["x-content-type-options"]).toBe("nosniff");
  expect(thumb.headers()["cache-control"]).toContain("no-store");
  expect((await thumb.body()).includes(Buffer.from("CameraMaker"))).toBe(false);
  await image.getByRole("button", { name: s.case.evidence.show }).click();
  await expect(image.locator("img")).toHaveAttribute("data-shown", "true");

  // The export is a ZIP with its manifest.
  const exported = await page.request.get(
    (await page.getByTestId("export-evidence").getAttribute("href"))!,
  );
  expect(exported.headers()["content-type"]).toBe("application/zip");
  expect((await exported.body()).subarray(0, 2).toString()).toBe("PK");

  // Signed out, nothing.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(new URL(src!, page.url()).toString())).status()).toBe(401);
  await anonymous.close();
});

test("with JavaScript the phone shrinks the pictures, previews them, and sends them with progress", async ({
  page,
}) => {
  await page.goto("/fr/report");
  await fillRumor(page, "fr", {
    description: uniqueText("Une photo truquée montre un incendie dans la gare de Rabat"),
    category: "manipulated_media",
  });
  // A 12-megapixel photo of ~2 MB or more, as a phone takes it.
  const big = await sharp(randomBytes(4000 * 3000 * 3), {
    raw: { width: 4000, height: 3000, channels: 3 },
  })
    .jpeg({ quality: 80 })
    .toBuffer();
  const m = messages.fr.report;
  await page
    .getByLabel(m.images)
    .setInputFiles([
      { name: "big.jpg", mimeType: "image/jpeg", buffer: big },
      await jpeg(55),
      await jpeg(77),
    ]);
  const previews = page.getByTestId("picture-preview");
  await expect(previews).toHaveCount(3);
  await previews.nth(2).getByRole("button", { name: m.imagesRemove }).click();
  await expect(previews).toHaveCount(2);
  // The big one was shrunk on the phone to at most 2048 px: its preview says how many KB go.
  const kb = Number((await previews.first().textContent())!.match(/(\d+)\s*Ko/)![1]);
  expect(kb * 1024).toBeLessThan(big.length / 2);
  const sent = page.waitForRequest(
    (r) => r.method() === "POST" && r.url().includes("/api/v1/reports"),
  );
  await page.getByRole("button", { name: m.submit }).click();
  await sent;
  await expect(page.getByTestId("receipt")).toBeVisible();
});

test("a member's own setting shows rumours' pictures unblurred, never violent content's", async ({
  page,
  request,
}) => {
  const s = messages.ar.staff;
  const send = async (kind: "rumor" | "violent_content", description: string, seed: number) => {
    const res = await request.post("/api/v1/reports", {
      multipart: {
        kind,
        category: kind === "rumor" ? "manipulated_media" : "violence",
        platform: "facebook",
        description,
        ...(kind === "rumor"
          ? {}
          : { urls: `https://www.facebook.com/watch/?v=${Date.now()}${seed}` }),
        declaration: "true",
        "images[]": await jpeg(seed),
      },
    });
    expect(res.status()).toBe(201);
  };
  const rumor = uniqueText("صورة مركبة لطوابير أمام محطات الوقود في مدينة مكناس");
  const violent = uniqueText("مقطع لشجار عنيف بالأسلحة البيضاء قرب ملعب كرة القدم");
  await send("rumor", rumor, 61);
  await send("violent_content", violent, 62);

  await signIn(page, DEMO.publisher, { next: "/ar/moderation/profile" });
  await expectSignedIn(page);
  const setting = page.getByLabel(s.profile.unblurRumorImages);
  await expect(setting).not.toBeChecked();
  await setting.check();
  await page.getByRole("button", { name: s.profile.imagesSave }).click();
  await expect(page.getByTestId("images-saved")).toBeVisible();
  await expect(page.getByLabel(s.profile.unblurRumorImages)).toBeChecked();

  const firstPicture = async (description: string) => {
    await page.goto("/ar/moderation");
    await page.getByLabel(s.queue.search).fill(description.split(" ").slice(-2).join(" "));
    await page.getByRole("button", { name: s.queue.apply, exact: true }).click();
    await page.getByTestId("queue-row").first().getByRole("link").first().click();
    return page.getByTestId("evidence-image").first().locator("img");
  };
  await expect(await firstPicture(rumor)).toHaveAttribute("data-shown", "true");
  await expect(await firstPicture(violent)).toHaveAttribute("data-shown", "false");

  // Back to the default, for the other tests that sign in as this member.
  await page.goto("/ar/moderation/profile");
  await page.getByLabel(s.profile.unblurRumorImages).uncheck();
  await page.getByRole("button", { name: s.profile.imagesSave }).click();
  await expect(page.getByLabel(s.profile.unblurRumorImages)).not.toBeChecked();
});
