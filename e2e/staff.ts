import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { messages, type Locale } from "./fixtures";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "iblagh-demo-2025";
export const DEMO = {
  moderator: "moderator@demo.iblagh.local",
  publisher: "publisher@demo.iblagh.local",
  admin: "admin@demo.iblagh.local",
} as const;

export async function signIn(
  page: Page,
  email: string,
  opts: { password?: string; code?: string; locale?: Locale; next?: string } = {},
) {
  const locale = opts.locale ?? "ar";
  const m = messages[locale].staff.signIn;
  await page.goto(
    `/${locale}/moderation/sign-in${opts.next ? `?next=${encodeURIComponent(opts.next)}` : ""}`,
  );
  await page.getByLabel(m.email).fill(email);
  await page.getByLabel(m.password).fill(opts.password ?? DEMO_PASSWORD);
  if (opts.code) await page.getByLabel(m.code).fill(opts.code);
  await page.getByRole("button", { name: m.submit }).click();
}

export async function expectSignedIn(page: Page, locale: Locale = "ar") {
  await expect(
    page.getByRole("button", { name: messages[locale].staff.nav.signOut }),
  ).toBeVisible();
}

/** A rumour reported through the API, as a citizen's app would: its receipt. */
export async function reportRumor(request: APIRequestContext, description: string) {
  const res = await request.post("/api/v1/reports", {
    data: {
      kind: "rumor",
      category: "fake_incident",
      platform: "whatsapp",
      description,
      declaration: true,
    },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { receipt: string }).receipt;
}

/** From the signed-in queue, the case of a unique description, by searching its last words. */
export async function openCaseOf(page: Page, description: string, locale: Locale = "ar") {
  const s = messages[locale].staff;
  await page.getByLabel(s.queue.search).fill(description.split(" ").slice(-2).join(" "));
  await page.getByRole("button", { name: s.queue.apply, exact: true }).click();
  const rows = page.getByTestId("queue-row");
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole("link").first().click();
  await page.waitForURL(/\/moderation\/cases\//);
}
