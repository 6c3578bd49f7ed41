import { expect, messages, test, uniqueText } from "./fixtures";
import { DEMO, expectSignedIn, openCaseOf, reportRumor, signIn } from "./staff";

const s = messages.ar.staff;

// Two members on one case: the second sees who handles it, is refused until they take it over.
test("a second member sees who is handling a case, and acts only after taking it over", async ({
  browser,
  page,
  request,
}) => {
  const description = uniqueText("إشاعة عن إغلاق الحدود البرية مع الجارة بسبب وباء جديد");
  await reportRumor(request, description);
  await signIn(page, DEMO.moderator, { next: "/ar/moderation" });
  await expectSignedIn(page);
  await openCaseOf(page, description);
  const caseUrl = page.url();
  const banner = page.getByTestId("case-hold");
  await expect(banner).toHaveAttribute("data-held", "none");
  await banner.getByRole("button", { name: s.case.hold.take }).click();
  await expect(banner).toHaveAttribute("data-held", "mine");

  const other = await browser.newContext();
  const publisher = await other.newPage();
  await signIn(publisher, DEMO.publisher, { next: new URL(caseUrl).pathname });
  const seen = publisher.getByTestId("case-hold");
  await expect(seen).toHaveAttribute("data-held", "other");
  await expect(seen).toContainText(DEMO.moderator);
  // The queue says so too.
  await publisher.goto(
    `/ar/moderation?q=${encodeURIComponent(description.split(" ").slice(-2).join(" "))}`,
  );
  await expect(publisher.getByTestId("queue-held")).toContainText(DEMO.moderator);

  await publisher.goto(caseUrl);
  await seen.getByRole("button", { name: s.case.hold.takeOver }).click();
  await expect(seen).toHaveAttribute("data-held", "mine");
  await page.reload();
  await expect(banner).toHaveAttribute("data-held", "other");
  await expect(banner).toContainText(DEMO.publisher);
  await other.close();
});
