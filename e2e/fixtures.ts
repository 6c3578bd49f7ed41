import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";
import ar from "../lib/i18n/messages/ar.json";
import en from "../lib/i18n/messages/en.json";
import fr from "../lib/i18n/messages/fr.json";

export const messages = { ar, fr, en } as const;
export type Locale = keyof typeof messages;

export interface RumorDraft {
  description: string;
  urls?: string;
  category?: string;
  email?: string;
}

/** Fills the report form the way a person does: by the visible labels of the page's language. */
export async function fillRumor(page: Page, locale: Locale, draft: RumorDraft) {
  const m = messages[locale].report;
  await page.getByLabel(m.kinds.rumor).check();
  await page
    .getByLabel(m.category, { exact: true })
    .selectOption(draft.category ?? "security_rumor");
  if (draft.urls) await page.getByLabel(m.urls).fill(draft.urls);
  else await page.getByLabel(m.platform).selectOption("whatsapp");
  await page.getByLabel(m.description).fill(draft.description);
  if (draft.email) await page.getByLabel(m.email, { exact: true }).fill(draft.email);
  await page.getByLabel(m.declaration).check();
}

export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

/** A description no other test uses, so assertions cannot pick up another test's report. */
export const uniqueText = (prefix: string) =>
  `${prefix} ${Date.now()} ${Math.random().toString(36).slice(2, 8)}`;

/**
 * Every test's page also fails on a Content-Security-Policy violation (Chromium logs each one),
 * so any flow that the policy in next.config.ts would break in a browser shows up here.
 */
export const test = base.extend({
  page: async ({ page }, provide) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await provide(page);
    expect(violations, "Content-Security-Policy violations").toEqual([]);
  },
});
export { expect };
