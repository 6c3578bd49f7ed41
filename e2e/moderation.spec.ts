import type { Page } from "@playwright/test";
import { TOTP } from "otpauth";
import { expect, expectNoSeriousA11yViolations, messages, test, uniqueText } from "./fixtures";
import { DEMO, expectSignedIn, openCaseOf, reportRumor, signIn } from "./staff";

const s = messages.ar.staff;

/** Each possible step is a disclosure; the first one starts open. */
async function openStep(page: Page, label: string) {
  const button = page.getByRole("button", { name: label });
  if (!(await button.isVisible())) await page.locator("summary", { hasText: label }).click();
}

test("an anonymous visitor is sent to sign-in, and a wrong password is refused", async ({
  page,
}) => {
  await page.goto("/ar/moderation");
  await expect(page).toHaveURL(/\/ar\/moderation\/sign-in\?next=/);
  await signIn(page, DEMO.moderator, { password: "not-the-password" });
  await expect(page.getByTestId("sign-in-error")).toHaveText(s.signIn.invalid);
});

test("a moderator finds the case of a fresh report, debunks it, and the reporter sees it closed", async ({
  page,
  request,
}) => {
  const description = uniqueText("إشاعة عن انفجار قنبلة في محطة الحافلات بمدينة أكادير");
  const receipt = await reportRumor(request, description);

  await signIn(page, DEMO.moderator, { next: "/ar/moderation" });
  await expectSignedIn(page);
  await openCaseOf(page, description);
  await expect(page.getByTestId("case-title")).toBeVisible();
  await expect(page.getByTestId("case-report")).toContainText(description);

  for (const to of ["triage", "verifying"] as const) {
    await openStep(page, s.transitions[to]);
    await page.getByRole("button", { name: s.transitions[to] }).click();
    await expect(page.getByTestId("case-done")).toBeVisible();
  }
  // Closing needs a note: the browser asks for it, the server refuses without it too.
  await openStep(page, s.transitions.debunked);
  const form = page.locator("form", {
    has: page.getByRole("button", { name: s.transitions.debunked }),
  });
  await form.getByLabel(new RegExp(s.case.note)).fill("نفت السلطات المحلية وقوع أي انفجار");
  await form.getByRole("button", { name: s.transitions.debunked }).click();
  await expect(page.getByTestId("case-done")).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("نفت السلطات المحلية وقوع أي انفجار");

  await page.goto("/ar/track");
  await page.getByLabel(messages.ar.track.receipt).fill(receipt);
  await page.getByRole("button", { name: messages.ar.track.submit }).click();
  await expect(page.getByTestId("track-status")).toHaveText(messages.ar.statuses.closed);
  await expect(page.getByTestId("track-outcome")).toContainText(messages.ar.outcomes.debunked);

  // The rumour comes back: a new case, whose page shows the one already answered.
  await reportRumor(request, `عاجل ${description}`);
  await page.goto("/ar/moderation");
  await openCaseOf(page, description);
  const answered = page.getByTestId("answered-before");
  await expect(answered.getByRole("heading", { name: s.case.answeredTitle })).toBeVisible();
  await expect(answered.locator("[data-status]")).toHaveText(s.statuses.debunked);
  await expectNoSeriousA11yViolations(page);
});

test("roles: an admin cannot work cases (403) but reads the audit trail; a moderator cannot read it", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.admin);
  await expectSignedIn(page);
  // An admin lands on the figures dashboard, which shows the open-case ageing.
  await expect(page).toHaveURL(/\/ar\/moderation\/stats$/);
  await expect(page.getByTestId("ageing")).toBeVisible();
  const queue = await page.goto("/ar/moderation");
  expect(queue?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
  const audit = await page.goto("/ar/moderation/audit");
  expect(audit?.status()).toBe(200);
  // The trail speaks the staff's language: labelled actions and fields, no codes or JSON.
  await expect(page.getByTestId("audit-table")).toContainText(
    messages.ar.staff.audit.actions.sign_in.success,
  );
  await expect(page.getByTestId("audit-table")).not.toContainText("sign_in.success");
  await expect(page.getByTestId("audit-table")).not.toContainText('{"');
  // The navigation offers only what an admin may open: no case queue.
  await expect(page.getByRole("link", { name: messages.ar.staff.nav.queue })).toHaveCount(0);
  // The chain's latest link, to be written down outside the database, and the command that checks it.
  const checkpoint = page.getByTestId("audit-checkpoint");
  await expect(checkpoint.getByRole("heading", { name: "آخر نقطة تحقّق" })).toBeVisible();
  const link = (await checkpoint.locator("code").first().textContent()) ?? "";
  expect(link).toMatch(/^\d+:[0-9a-f]{64}$/);
  await expect(checkpoint.locator("code").nth(1)).toHaveText(
    `npm run audit:verify -- --checkpoint ${link}`,
  );

  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, DEMO.moderator);
  await expectSignedIn(other);
  expect((await other.goto("/ar/moderation/audit"))?.status()).toBe(403);
  await context.close();
});

test("a staff member enrols TOTP, signs in again with a fresh code, and a replayed code is refused", async ({
  page,
}, testInfo) => {
  const email = `totp${testInfo.retry}@e2e.iblagh.local`;
  const password = `e2e-totp-password-${testInfo.retry}`;
  await signIn(page, email, { password, locale: "en", next: "/en/moderation/profile" });
  await expect(page).toHaveURL(/\/en\/moderation\/profile/);
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  const totp = new TOTP({ secret, algorithm: "SHA1", digits: 6, period: 30 });
  const enrolCode = totp.generate();
  await page.getByLabel(messages.en.staff.profile.totpCode).fill(enrolCode);
  await page.getByRole("button", { name: messages.en.staff.profile.totpEnable }).click();
  // A changed second factor ends the session: sign in again with it.
  await expect(page).toHaveURL(/\/en\/moderation\/sign-in/);
  await expect(page.getByTestId("sign-in-notice")).toHaveText(
    messages.en.staff.signIn.notice_totp_on,
  );

  await signIn(page, email, { password, locale: "en" });
  await expect(page.getByTestId("sign-in-error")).toHaveText(
    messages.en.staff.signIn.totp_required,
  );
  // The enrolment code was spent: a replay within its window is refused.
  await signIn(page, email, { password, locale: "en", code: enrolCode });
  await expect(page.getByTestId("sign-in-error")).toHaveText(messages.en.staff.signIn.totp_invalid);
  await signIn(page, email, {
    password,
    locale: "en",
    code: totp.generate({ timestamp: Date.now() + 30_000 }),
  });
  await expectSignedIn(page, "en");
});

for (const how of ["the sign-out button", "Auth.js's /api/auth/signout"] as const) {
  test(`after signing out with ${how}, a copied session cookie no longer works`, async ({
    page,
    browser,
  }, testInfo) => {
    // Signing out ends every session of the account: an account of its own, not a shared demo one.
    const n = testInfo.retry * 2 + (how === "the sign-out button" ? 0 : 1);
    await signIn(page, `signout${n}@e2e.iblagh.local`, {
      password: `e2e-signout-password-${n}`,
      locale: "en",
    });
    await expectSignedIn(page, "en");
    const copied = (await page.context().cookies()).filter((c) =>
      c.name.includes("authjs.session-token"),
    );
    expect(copied.length).toBeGreaterThan(0);

    if (how === "the sign-out button") {
      await page.getByRole("button", { name: messages.en.staff.nav.signOut }).click();
      await expect(page).toHaveURL(/\/en\/moderation\/sign-in/);
    } else {
      const csrf = await (await page.request.get("/api/auth/csrf")).json();
      const res = await page.request.post("/api/auth/signout", {
        form: { csrfToken: csrf.csrfToken },
        maxRedirects: 0,
      });
      expect(res.status()).toBeLessThan(400);
    }

    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto("/en/moderation");
    await expect(stolen).toHaveURL(/\/en\/moderation\/sign-in/);
    await thief.close();
  });
}
