import { expect, messages, test } from "./fixtures";
import { DEMO, expectSignedIn, signIn } from "./staff";

const st = messages.ar.staff;

test("a violent content's link opens behind a warning, and closing without a note is refused in the app's words", async ({
  page,
}) => {
  await signIn(page, DEMO.moderator);
  await expectSignedIn(page);
  await page.goto("/ar/moderation?kind=violent_content");
  await page.getByTestId("queue-row").first().getByRole("link").first().click();

  const guarded = page.getByTestId("guarded-link").first();
  await expect(guarded).toBeVisible();
  // Not a link until the moderator chooses to open the warning.
  await expect(guarded.getByRole("link")).toBeHidden();
  await guarded.locator("summary").click();
  await expect(guarded).toContainText(st.case.violentLink.explain);
  await expect(guarded.getByRole("link", { name: st.case.violentLink.open })).toHaveAttribute(
    "target",
    "_blank",
  );

  const close = page
    .getByTestId("transitions")
    .locator("details")
    .filter({ hasText: st.transitions.no_action });
  await close.locator("summary").click();
  // The note starts as the admins' canned closing note; emptied, the close is refused.
  await expect(close.locator("textarea")).toHaveValue(/\S/);
  await close.locator("textarea").fill("");
  await close.getByRole("button").click();
  await expect(page.getByTestId("case-error")).toHaveText(st.case.refused.note_required);
});
