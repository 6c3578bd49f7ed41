import { describe, expect, it } from "vitest";
import { claimReviewJsonLd, jsonLdScript } from "./claim-review";

const base = {
  url: "https://iblagh.example/ar/statements/2025-7",
  locale: "ar",
  content: {
    title: "بيان تكذيب",
    summary: "ملخص",
    body: "نص",
    claimReviewed: "عصابة تختطف الأطفال </script><script>alert(1)</script>",
    verdict: "خبر زائف",
  },
  publishedAt: new Date("2025-03-02T10:00:00Z"),
  appearances: [{ url: "https://facebook.com/x/posts/1", platform: "facebook" }],
  org: { name: "Iblagh", url: "https://iblagh.example" },
};

describe("ClaimReview JSON-LD", () => {
  it("has every property fact-check readers require, parsed back from the script text", () => {
    const parsed = JSON.parse(jsonLdScript(claimReviewJsonLd({ ...base, type: "denial" })));
    expect(parsed).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: base.url,
      claimReviewed: base.content.claimReviewed,
      datePublished: "2025-03-02T10:00:00.000Z",
      author: { "@type": "Organization", name: "Iblagh", url: "https://iblagh.example" },
      reviewRating: {
        "@type": "Rating",
        alternateName: "False",
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
      },
      itemReviewed: {
        "@type": "Claim",
        appearance: [{ "@type": "CreativeWork", url: "https://facebook.com/x/posts/1" }],
      },
    });
  });

  it("takes the verdict label for a truth statement and dates an amendment", () => {
    const ld = claimReviewJsonLd({
      ...base,
      type: "truth",
      updatedAt: new Date("2025-03-05T00:00:00Z"),
    });
    expect(ld.reviewRating.alternateName).toBe("خبر زائف");
    expect(ld.reviewRating.ratingValue).toBe(5);
    expect(ld).toHaveProperty("dateModified", "2025-03-05T00:00:00.000Z");
  });

  it("cannot close its script tag", () => {
    expect(jsonLdScript(claimReviewJsonLd({ ...base, type: "denial" }))).not.toContain("</script>");
  });
});
