import { expect, fillRumor, messages, test, uniqueText } from "./fixtures";
import { DEMO, expectSignedIn, signIn } from "./staff";

const st = messages.ar.staff.statement;

test("a moderator drafts a denial, a publisher approves it, and it reaches the list, the feed and the reporter", async ({
  browser,
  request,
}) => {
  const token = uniqueText("ركاب").split(" ").slice(1).join("");
  const rumour = {
    kind: "rumor",
    category: "fake_incident",
    platform: "whatsapp",
    description: `رسالة تزعم غرق حافلة ركاب في وادي سبو اليوم ${token}`,
    declaration: true,
    locale: "ar",
  };
  const res = await request.post("/api/v1/reports", {
    data: rumour,
  });
  const { receipt } = await res.json();
  const tracked = await (await request.post("/api/v1/reports/track", { data: { receipt } })).json();
  expect(tracked.status).toBe("received");

  // The moderator finds the case and drafts the denial.
  const modContext = await browser.newContext();
  const mod = await modContext.newPage();
  await signIn(mod, DEMO.moderator);
  await expectSignedIn(mod);
  await mod.goto(`/ar/moderation?q=${encodeURIComponent(token)}`);
  await mod.getByTestId("queue-row").first().getByRole("link").first().click();
  await mod.getByRole("button", { name: `${st.draftFor}: ${st.types.denial}` }).click();
  await expect(mod.getByTestId("statement-status")).toHaveAttribute("data-status", "draft");

  const arabic = mod.getByRole("group", { name: st.locales.ar });
  const title = `لا صحة لخبر غرق حافلة ركاب في وادي سبو ${token}`;
  await arabic.getByLabel(st.fields.title).fill(title);
  await arabic
    .getByLabel(st.fields.summary)
    .fill("تنفي المصالح الأمنية ما تم تداوله بخصوص غرق حافلة.");
  await arabic
    .getByLabel(st.fields.body)
    .fill("**لا صحة** لهذا الخبر.\n\n<script>alert(1)</script>");
  await expect(arabic.getByLabel(st.preview)).toContainText("لا صحة لهذا الخبر");
  // The claim is not the reporter's words pre-filled: the case summary is offered, to rewrite.
  await expect(arabic.getByLabel(st.fields.claimReviewed)).toHaveValue("");
  await arabic.getByRole("button", { name: st.useSuggestion }).click();
  await expect(arabic.getByLabel(st.fields.claimReviewed)).not.toHaveValue("");
  await mod.getByRole("button", { name: st.save }).click();
  await expect(mod.getByTestId("statement-saved")).toBeVisible();
  await mod.getByRole("button", { name: st.submit }).click();
  await expect(mod.getByTestId("statement-status")).toHaveAttribute("data-status", "in_review");
  // The author is not offered approval.
  await expect(mod.getByTestId("publish-review")).toHaveCount(0);
  const editorUrl = mod.url();
  await modContext.close();

  // Another person, a publisher, approves it.
  const pubContext = await browser.newContext();
  const pub = await pubContext.newPage();
  await signIn(pub, DEMO.publisher);
  await expectSignedIn(pub);
  await pub.goto("/ar/moderation/statements");
  await expect(pub.getByTestId("desk-deskReview")).toContainText(title);
  await pub.goto(editorUrl);
  // Publishing asks first and shows what goes public.
  await pub.getByText(st.publishReview).click();
  await expect(pub.getByTestId("publish-review")).toContainText(title);
  await pub.getByRole("button", { name: st.publishConfirm }).click();
  await expect(pub.getByTestId("statement-status")).toHaveAttribute("data-status", "published");
  // The message says what happened and where, once: a reload does not show it again.
  await expect(pub.getByTestId("statement-done")).toContainText(st.doneWhat.published);
  await expect(pub).not.toHaveURL(/done=/);
  await pub.reload();
  await expect(pub.getByTestId("statement-done")).toHaveCount(0);
  const publicPath = await pub.getByTestId("public-link").getAttribute("href");
  // The case's timeline says it in words, with a link, not "statement 2026-82".
  await pub.getByRole("link", { name: new RegExp(st.case.replace("{ref}", "\\d+")) }).click();
  await expect(pub.getByTestId("timeline")).toContainText(messages.ar.staff.events.byStatement);
  await expect(pub.getByTestId("timeline")).not.toContainText(/statement \d{4}-/);
  await pubContext.close();

  // The public sees it, with its ClaimReview, in the list and in the feed.
  const page = await browser.newPage();
  await page.goto("/ar/statements");
  await expect(page.getByTestId("statement-list")).toContainText(title);
  const shown = await page.goto(publicPath!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  // A CDN refetches a statement within a minute, so an amendment or a withdrawal reaches its readers.
  expect(shown!.headers()["cdn-cache-control"]).toBe("max-age=60, stale-if-error=86400");
  // The HTML typed into the body is shown as text, never run.
  await expect(page.getByTestId("statement-body")).toContainText("<script>alert(1)</script>");
  await expect(page.getByTestId("statement-body").locator("script")).toHaveCount(0);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld).toMatchObject({
    "@type": "ClaimReview",
    reviewRating: { alternateName: "False" },
    itemReviewed: { "@type": "Claim" },
  });
  const feed = await (await request.get("/ar/statements/feed.xml")).text();
  expect(feed).toContain(title);
  const card = await request.get(`${publicPath}/share.png`);
  expect(card.headers()["content-type"]).toBe("image/png");
  expect(card.headers()["cdn-cache-control"]).toBe("max-age=60, stale-if-error=86400");

  // The reporter's tracking page shows the outcome and the statement.
  await page.goto("/ar/track");
  await page.getByLabel(messages.ar.track.receipt).fill(receipt);
  await page.getByRole("button", { name: messages.ar.track.submit }).click();
  await expect(page.getByTestId("track-outcome")).toContainText(messages.ar.outcomes.debunked);
  await expect(page.getByTestId("track-statement")).toHaveAttribute("href", publicPath!);

  // The same message reported again: the answer at once, by the API and on the page, and the
  // report is kept (a receipt all the same).
  const again = await request.post("/api/v1/reports", {
    data: rumour,
  });
  expect(again.status()).toBe(201);
  expect(await again.json()).toMatchObject({
    receipt: expect.any(String),
    answer: { type: "denial", title, url: publicPath, lang: "ar" },
  });
  await page.goto("/ar/report");
  await fillRumor(page, "ar", { description: rumour.description });
  await page.getByRole("button", { name: messages.ar.report.submit }).click();
  await expect(page.getByTestId("receipt")).toBeVisible();
  const answer = page.getByTestId("receipt-answer");
  await expect(answer).toContainText(messages.ar.report.answeredHeading);
  await expect(answer).toContainText(title);
  await expect(answer.getByRole("link", { name: messages.ar.report.answeredRead })).toHaveAttribute(
    "href",
    publicPath!,
  );
});

test("submitting for review sends what was typed, and a refused submission keeps every field", async ({
  page,
  request,
}) => {
  const token = uniqueText("قنطرة").split(" ").slice(1).join("");
  await request.post("/api/v1/reports", {
    data: {
      kind: "rumor",
      category: "fake_incident",
      platform: "whatsapp",
      description: `رسالة تزعم انهيار قنطرة على الطريق السيار اليوم ${token}`,
      declaration: true,
      locale: "ar",
    },
  });
  await signIn(page, DEMO.moderator);
  await expectSignedIn(page);
  await page.goto(`/ar/moderation?q=${encodeURIComponent(token)}`);
  await page.getByTestId("queue-row").first().getByRole("link").first().click();
  await page.getByRole("button", { name: `${st.draftFor}: ${st.types.denial}` }).click();
  await expect(page.getByTestId("statement-status")).toHaveAttribute("data-status", "draft");

  // Only a title, never saved: the submission is refused and says why beside the fields.
  const arabic = page.getByRole("group", { name: st.locales.ar });
  const title = `لا صحة لانهيار قنطرة ${token}`;
  await arabic.getByLabel(st.fields.title).fill(title);
  await page.getByRole("button", { name: st.submit }).click();
  await expect(page.getByTestId("statement-save-error")).toBeVisible();
  await expect(arabic.getByLabel(st.fields.title)).toHaveValue(title);
  await expect(page.getByTestId("statement-status")).toHaveAttribute("data-status", "draft");

  // The rest typed, still never saved: "submit for review" saves it and submits.
  await arabic
    .getByLabel(st.fields.summary)
    .fill("تنفي المصالح الأمنية ما تم تداوله بخصوص انهيار قنطرة.");
  await arabic
    .getByLabel(st.fields.body)
    .fill("لا صحة لهذا الخبر، والطريق مفتوحة أمام حركة السير.");
  await arabic.getByLabel(st.fields.claimReviewed).fill("خبر عن انهيار قنطرة على الطريق الوطنية");
  await page.getByRole("button", { name: st.submit }).click();
  await expect(page.getByTestId("statement-status")).toHaveAttribute("data-status", "in_review");
  await expect(arabic.getByLabel(st.fields.title)).toHaveValue(title);
});
