import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";
import { DEMO, expectSignedIn, signIn } from "./staff";

// Moderators work these pages for whole shifts, with whatever assistive technology they use.
const MODERATOR_PAGES = [
  "/moderation",
  "/moderation/statements",
  "/moderation/stats",
  "/moderation/profile",
];

for (const locale of ["ar", "fr"] as const) {
  test(`staff pages in ${locale} have no serious accessibility violation`, async ({ page }) => {
    await signIn(page, DEMO.publisher, { locale, next: `/${locale}/moderation` });
    await expectSignedIn(page, locale);
    for (const path of MODERATOR_PAGES) {
      await page.goto(`/${locale}${path}`);
      await expectNoSeriousA11yViolations(page);
    }
    // A published statement with its editor and steps.
    await page.goto(`/${locale}/moderation/statements`);
    await page.getByTestId("desk-deskPublished").getByRole("link").first().click();
    await expect(page.getByTestId("statement-status")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    // A case page, with its actions, timeline and suggestions.
    await page.goto(`/${locale}/moderation`);
    await page.getByTestId("queue-row").first().getByRole("link").first().click();
    await expect(page.getByTestId("case-title")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}

test("the admins' pages (audit trail, desk settings) have no serious accessibility violation", async ({
  page,
}) => {
  await signIn(page, DEMO.admin, { next: "/ar/moderation/audit" });
  await expect(page.getByTestId("audit-table")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto("/ar/moderation/desk");
  await expect(page.getByTestId("deadlines")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
