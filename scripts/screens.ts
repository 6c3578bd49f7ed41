// npm run screens [-- --base http://localhost:3000] [--only report,track]
// Phone (360×740) and desktop (1280×800) screenshots of every public page and the main staff
// pages, in Arabic, French and English, into screens/ (ignored by git): look at them before and
// after a change to the UI. Without --base it serves the production build (npm run build) on
// a fresh embedded database with the demo content.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Browser, Page } from "@playwright/test";
import sharp from "sharp";
import ar from "@/lib/i18n/messages/ar.json";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { launchChromium, startServer, stop, waitFor } from "./bench/common";

const { values: args } = parseArgs({
  options: { base: { type: "string" }, only: { type: "string" } },
});
const MESSAGES = { ar, fr, en } as const;
type Locale = keyof typeof MESSAGES;
const VIEWPORTS = {
  phone: { width: 360, height: 740, isMobile: true },
  desktop: { width: 1280, height: 800, isMobile: false },
} as const;
const OUT = "screens";
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "iblagh-demo-2025";

interface Shot {
  name: string;
  /** Staff account to sign in as first, if any. */
  as?: "moderator" | "admin" | "publisher";
  go: (page: Page, locale: Locale, base: string) => Promise<void>;
}

const open = (p: string) => async (page: Page, locale: Locale) =>
  void (await page.goto(`/${locale}${p}`, { waitUntil: "networkidle" }));

/** A photo-like picture (a street scene's shapes) a citizen might attach. */
const picture = async (seed: number) => ({
  name: `IMG_20251104_${seed}.jpg`,
  mimeType: "image/jpeg",
  buffer: await sharp({
    create: { width: 1200, height: 900, channels: 3, background: { r: 70 + seed, g: 110, b: 150 } },
  })
    .composite([
      {
        input: Buffer.from(
          `<svg width="1200" height="900"><rect y="560" width="1200" height="340" fill="#555"/><rect x="${200 + seed * 5}" y="380" width="380" height="220" rx="30" fill="#c33"/><circle cx="900" cy="220" r="110" fill="#fd6"/><rect x="80" y="120" width="160" height="440" fill="#ddd"/></svg>`,
        ),
      },
    ])
    .jpeg()
    .toBuffer(),
});

/** A WhatsApp rumour typed into the report form, declaration ticked, not yet sent. */
async function fillWhatsappRumor(page: Page, locale: Locale, description: string) {
  const m = MESSAGES[locale].report;
  await page.getByLabel(m.kinds.rumor).check();
  await page.getByLabel(m.category, { exact: true }).selectOption("fake_incident");
  await page.getByLabel(m.platform).selectOption("whatsapp");
  await page.getByLabel(m.description).fill(description);
  await page.getByLabel(m.declaration).check();
}

const PICTURED_REPORT = "صورة متداولة لحريق مزعوم في سوق شعبي بمدينة فاس مع تعليق يدعو إلى الهلع";

const SHOTS: Shot[] = [
  { name: "home", go: open("") },
  { name: "report", go: open("/report") },
  {
    name: "report-errors",
    go: async (page, locale) => {
      await open("/report")(page, locale);
      await page.getByRole("button", { name: MESSAGES[locale].report.submit }).click();
      await page.waitForTimeout(500);
    },
  },
  {
    name: "report-receipt",
    go: async (page, locale) => {
      const m = MESSAGES[locale].report;
      await open("/report")(page, locale);
      await page.getByLabel(m.kinds.rumor).check();
      await page.getByLabel(m.category, { exact: true }).selectOption("fake_incident");
      await page
        .getByLabel(m.urls)
        .fill("https://x.com/screens/status/1\nhttps://www.facebook.com/watch?v=2");
      await page
        .getByLabel(m.description)
        .fill("خبر زائف عن حادث سير خطير في الطريق السيار بين الرباط والدار البيضاء");
      await page.getByLabel(m.declaration).check();
      await page.getByRole("button", { name: m.submit }).click();
      await page.getByTestId("receipt").waitFor();
    },
  },
  {
    // Two pictures chosen: previews, remove buttons, the note on what is removed from them.
    name: "report-pictures",
    go: async (page, locale) => {
      await open("/report")(page, locale);
      await page
        .getByLabel(MESSAGES[locale].report.images)
        .setInputFiles([await picture(1), await picture(9)]);
      await page.getByTestId("picture-preview").nth(1).waitFor();
      await page.waitForTimeout(500);
    },
  },
  {
    // Sent without a connection: the report waits on the phone (service worker installed).
    name: "report-queued",
    go: async (page, locale) => {
      const m = MESSAGES[locale].report;
      await open("/report")(page, locale);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await page.waitForFunction(async () =>
        (await indexedDB.databases()).some((d) => d.name === "iblagh-offline"),
      );
      const rumor = "رسالة صوتية متداولة تزعم انقطاع الكهرباء عن مدينة وجدة لثلاثة أيام";
      await fillWhatsappRumor(page, locale, rumor);
      await page.context().setOffline(true);
      await page.getByRole("button", { name: m.submit }).click();
      await page.getByTestId("report-queued").waitFor();
    },
  },
  { name: "track", go: open("/track") },
  {
    // Receipts kept on this phone: a report sent from it, then the tracking page lists it.
    name: "track-kept",
    go: async (page, locale) => {
      const m = MESSAGES[locale].report;
      await open("/report")(page, locale);
      const rumor = "رسالة متداولة عن انقطاع الماء الصالح للشرب في كل أحياء المدينة لمدة أسبوع";
      await fillWhatsappRumor(page, locale, rumor);
      await page.getByLabel(m.email, { exact: true }).fill("citoyen@example.ma");
      await page.getByLabel(m.notify).check();
      await page.getByRole("button", { name: m.submit }).click();
      await page.getByTestId("receipt-kept-on-device").waitFor();
      await page.getByTestId("receipt-written").check();
      await open("/track")(page, locale);
      await page.locator('[data-testid="kept-status"][data-status="received"]').first().waitFor();
    },
  },
  // Reached from a message's link: the button that stops the messages.
  {
    name: "unsubscribe",
    go: open("/unsubscribe?r=00000000-0000-4000-8000-000000000000&t=screens"),
  },
  {
    name: "track-closed",
    go: async (page, locale) => {
      await open("/track")(page, locale);
      await page.getByLabel(MESSAGES[locale].track.receipt).fill("DEM0-0000-0000-0003");
      await page.getByRole("button", { name: MESSAGES[locale].track.submit }).click();
      await page.getByTestId("track-status").waitFor();
    },
  },
  { name: "statements", go: open("/statements") },
  {
    name: "statement",
    go: async (page, locale, base) => {
      const { items } = (await (await fetch(`${base}/api/v1/statements`)).json()) as {
        items: { slug: string }[];
      };
      await open(`/statements/${items[0].slug}`)(page, locale);
    },
  },
  { name: "stats", go: open("/stats") },
  { name: "stats-2025", go: open("/stats/2025") },
  { name: "not-found-statement", go: open("/statements/unknown") },
  {
    name: "not-found-locale",
    go: async (page) => void (await page.goto("/xx", { waitUntil: "networkidle" })),
  },
  { name: "sign-in", go: open("/moderation/sign-in") },
  { name: "staff-queue", as: "moderator", go: open("/moderation") },
  {
    name: "staff-case",
    as: "moderator",
    go: async (page, locale) => {
      await open("/moderation")(page, locale);
      await page.locator('a[href*="/moderation/cases/"]').first().click();
      await page.waitForLoadState("networkidle");
    },
  },
  {
    // A violent content's case: its links behind the warning.
    name: "staff-case-violent",
    as: "moderator",
    go: async (page, locale) => {
      await open("/moderation?kind=violent_content&status=all")(page, locale);
      await page.locator('a[href*="/moderation/cases/"]').first().click();
      await page.waitForLoadState("networkidle");
    },
  },
  {
    // A rumour's case with a citizen's pictures: blurred and grey, the first one shown.
    name: "staff-case-pictures",
    as: "moderator",
    go: async (page, locale, base) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({
        kind: "rumor",
        category: "manipulated_media",
        platform: "facebook",
        description: PICTURED_REPORT,
        declaration: "true",
      }))
        form.append(k, v);
      for (const seed of [1, 9]) {
        const p = await picture(seed);
        form.append("images[]", new Blob([new Uint8Array(p.buffer)], { type: p.mimeType }), p.name);
      }
      await fetch(`${base}/api/v1/reports`, { method: "POST", body: form });
      await open(`/moderation?q=${encodeURIComponent("سوق شعبي بمدينة فاس")}&status=all`)(
        page,
        locale,
      );
      await page.locator('a[href*="/moderation/cases/"]').first().click();
      await page.waitForLoadState("networkidle");
      const first = page.getByTestId("evidence-image").first();
      await first.getByRole("button", { name: MESSAGES[locale].staff.case.evidence.show }).click();
      await page.waitForTimeout(400);
    },
  },
  { name: "staff-statements", as: "moderator", go: open("/moderation/statements") },
  {
    // A published statement as the publisher sees it: the editor and the steps.
    name: "staff-statement-editor",
    as: "publisher",
    go: async (page, locale) => {
      await open("/moderation/statements")(page, locale);
      await page.locator('a[href*="/moderation/statements/"]').first().click();
      await page.waitForLoadState("networkidle");
    },
  },
  { name: "staff-stats", as: "moderator", go: open("/moderation/stats") },
  { name: "staff-profile", as: "moderator", go: open("/moderation/profile") },
  { name: "staff-admin-landing", as: "admin", go: open("/moderation") },
  { name: "staff-audit", as: "admin", go: open("/moderation/audit") },
  { name: "staff-desk", as: "admin", go: open("/moderation/desk") },
];

async function signIn(page: Page, locale: Locale, who: string) {
  const m = MESSAGES[locale].staff.signIn;
  await page.goto(`/${locale}/moderation/sign-in`);
  await page.getByLabel(m.email).fill(`${who}@demo.iblagh.local`);
  await page.getByLabel(m.password).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: m.submit }).click();
  await page.waitForURL((u) => !u.pathname.includes("sign-in"));
}

async function shoot(browser: Browser, base: string, only: Set<string> | null) {
  let taken = 0;
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const locale of ["ar", "fr", "en"] as const) {
      // One context per account, so each is signed in once per device and language.
      const contexts = new Map<string, Awaited<ReturnType<Browser["newContext"]>>>();
      for (const shot of SHOTS) {
        if (only && !only.has(shot.name)) continue;
        const key = shot.as ?? "citizen";
        if (!contexts.has(key)) {
          const context = await browser.newContext({
            baseURL: base,
            viewport,
            isMobile: viewport.isMobile,
            hasTouch: viewport.isMobile,
            deviceScaleFactor: 1,
            locale: `${locale}-MA`,
          });
          if (shot.as) await signIn(await context.newPage(), locale, shot.as);
          contexts.set(key, context);
        }
        const page = await contexts.get(key)!.newPage();
        const file = path.join(OUT, `${shot.name}.${locale}.${device}.png`);
        try {
          await shot.go(page, locale, base);
          await page.screenshot({ path: file, fullPage: true });
          taken++;
        } catch (error) {
          console.error(
            `✗ ${file}: ${error instanceof Error ? error.message.split("\n")[0] : error}`,
          );
        }
        // A shot that took the phone offline gives it back (the queued report then goes).
        await page.context().setOffline(false);
        await page.close();
      }
      for (const c of contexts.values()) await c.close();
    }
  }
  return taken;
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let base = args.base;
  if (!base) {
    if (!fs.existsSync(".next/BUILD_ID"))
      throw new Error(
        "No production build: run npm run build first, or give --base of a running app.",
      );
    const dataDir = path.join(".data", "screens");
    fs.rmSync(dataDir, { recursive: true, force: true });
    server = await startServer(3210, {
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      RATE_LIMIT_REPORTS: "1000",
    });
    base = "http://localhost:3210";
    await waitFor(`${base}/api/health`, 180_000);
  }
  const browser = await launchChromium();
  try {
    const only = args.only ? new Set(args.only.split(",")) : null;
    const taken = await shoot(browser, base, only);
    console.log(`${taken} screenshots in ${OUT}/ (name.locale.device.png)`);
  } finally {
    await browser.close();
    if (server) await stop(server);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
