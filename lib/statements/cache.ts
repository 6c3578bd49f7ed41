import "server-only";
import { revalidatePath, revalidateTag, unstable_cache, updateTag } from "next/cache";
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

/**
 * After a publication, an amendment or a withdrawal: every page that shows statements, on this
 * instance. The member's own action reads its write (`updateTag`); another instance, told by
 * the database (lib/statements/notify.ts), expires the same entries from a route handler,
 * where `updateTag` is not allowed: the next reader waits for the fresh page, never a stale one.
 */
export function revalidateStatementPages(
  slug?: string | null,
  from: "action" | "route" = "action",
) {
  if (from === "action") updateTag(STATEMENTS_TAG);
  else revalidateTag(STATEMENTS_TAG, { expire: 0 });
  for (const locale of LOCALES) {
    revalidatePath(`/${locale}/statements`);
    revalidatePath(`/${locale}/statements/feed.xml`);
    if (slug) {
      revalidatePath(`/${locale}/statements/${slug}`);
      revalidatePath(`/${locale}/statements/${slug}/share.png`);
    }
  }
  revalidatePath("/sitemap.xml");
  // The listener reconnected: what changed meanwhile is unknown, so every page goes.
  if (from === "route" && !slug) revalidatePath("/", "layout");
}
