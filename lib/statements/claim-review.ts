import type { Appearance, StatementLocaleContent } from "@/lib/db/schema";
import type { StatementType } from "./schema";

export interface ClaimReviewInput {
  url: string;
  locale: string;
  type: StatementType;
  content: StatementLocaleContent;
  publishedAt: Date;
  updatedAt?: Date | null;
  appearances: Appearance[];
  org: { name: string; url: string };
}

// Rating on schema.org's 1–5 scale: 1 is false, 5 is true; a communiqué clarifies without rating.
const RATING: Record<StatementType, number> = { denial: 1, truth: 5, communique: 3 };

/** schema.org ClaimReview for a published statement, as fact-check readers (search engines) expect it. */
export function claimReviewJsonLd(s: ClaimReviewInput) {
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: s.url,
    inLanguage: s.locale,
    claimReviewed: s.content.claimReviewed,
    datePublished: s.publishedAt.toISOString(),
    ...(s.updatedAt && s.updatedAt > s.publishedAt
      ? { dateModified: s.updatedAt.toISOString() }
      : {}),
    author: { "@type": "Organization", name: s.org.name, url: s.org.url },
    reviewRating: {
      "@type": "Rating",
      ratingValue: RATING[s.type],
      bestRating: 5,
      worstRating: 1,
      alternateName: s.type === "denial" ? "False" : s.content.verdict,
    },
    itemReviewed: {
      "@type": "Claim",
      appearance: s.appearances.map((a) => ({ "@type": "CreativeWork", url: a.url })),
    },
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so the text cannot close the tag. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
