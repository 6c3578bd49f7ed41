import { expect, type Page } from "@playwright/test";
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
