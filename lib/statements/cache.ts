import "server-only";
import { revalidatePath, unstable_cache, updateTag } from "next/cache";
import { getDb } from "@/lib/db/client";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { listPublicStatements, type StatementListQuery } from "./public";

export const STATEMENTS_TAG = "statements";

// The public list is served from the cache and rebuilt only when a statement changes, so a
// statement that goes viral does not put its readers on the database.
export const cachedStatementList = unstable_cache(
  async (locale: Locale, query: StatementListQuery, limit: number) =>
    listPublicStatements(await getDb(), locale, query, limit),
  ["public-statement-list"],
  { tags: [STATEMENTS_TAG], revalidate: 3600 },
);

/** After a publication, an amendment or a withdrawal: every page that shows statements. */
export function revalidateStatementPages(slug?: string | null) {
  updateTag(STATEMENTS_TAG);
  for (const locale of LOCALES) {
    revalidatePath(`/${locale}/statements`);
    revalidatePath(`/${locale}/statements/feed.xml`);
    if (slug) {
      revalidatePath(`/${locale}/statements/${slug}`);
      revalidatePath(`/${locale}/statements/${slug}/share.png`);
    }
  }
  revalidatePath("/sitemap.xml");
}
