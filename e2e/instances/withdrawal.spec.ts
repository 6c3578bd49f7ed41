import { expect, test } from "@playwright/test";
import pg from "pg";
import ar from "../../lib/i18n/messages/ar.json";
import { INSTANCE_PORTS } from "../../playwright.instances.config";
import { DEMO, signIn } from "../staff";

const [A, B] = INSTANCE_PORTS.map((p) => `http://localhost:${p}`);

// A statement withdrawn on one instance is withdrawn on the other within 5 seconds, although
// the other had its page cached for 5 minutes: the database tells every instance.
test("a withdrawal on one instance shows on the other within 5 seconds", async ({ browser }) => {
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  const { rows } = await db.query<{ id: string; slug: string }>(
    `select id, slug from statements where status = 'published' and slug is not null order by published_at desc limit 1`,
  );
  await db.end();
  expect(rows, "the demo has a published statement").toHaveLength(1);
  const { id, slug } = rows[0];

  // Instance B serves (and caches) the public page.
  const reader = await browser.newPage({ baseURL: B });
  const page = `/ar/statements/${encodeURIComponent(slug)}`;
  await reader.goto(page);
  await expect(reader.getByTestId("withdrawn")).toHaveCount(0);
  await reader.goto(page);
  await expect(reader.getByTestId("withdrawn")).toHaveCount(0);

  // A publisher withdraws it on instance A.
  const staff = await browser.newPage({ baseURL: A });
  await signIn(staff, DEMO.publisher, { next: `/ar/moderation/statements/${id}` });
  await staff.waitForURL(new RegExp(`/moderation/statements/${id}`));
  await staff.getByLabel(ar.staff.statement.withdrawReason).fill("withdrawn by the e2e test");
  await staff.getByRole("button", { name: ar.staff.statement.withdraw }).click();
  await expect(staff.getByTestId("statement-done")).toBeVisible();
  const withdrawnAt = Date.now();

  // B shows it withdrawn, well before its 5-minute revalidation.
  await expect(async () => {
    await reader.goto(page);
    await expect(reader.getByTestId("withdrawn")).toBeVisible({ timeout: 100 });
  }).toPass({ timeout: 5_000, intervals: [250] });
  expect(Date.now() - withdrawnAt).toBeLessThan(5_000);
});
