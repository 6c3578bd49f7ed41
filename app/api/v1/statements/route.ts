import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/http/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/config";
import { listLocaleSchema } from "@/lib/api/schemas";
import { cachedStatementList } from "@/lib/statements/cache";
import { statementListSchema } from "@/lib/statements/public";

export async function GET(req: Request) {
  const url = new URL(req.url);
  const requested = listLocaleSchema.safeParse({
    locale: url.searchParams.get("locale") ?? undefined,
  });
  const locale =
    (requested.success && requested.data.locale) ||
    localeFromAcceptLanguage(req.headers.get("accept-language"));
  try {
    const query = statementListSchema.parse(Object.fromEntries(url.searchParams));
    const { items, nextCursor } = await cachedStatementList(locale, query, 20);
    return NextResponse.json(
      { items: items.map(({ lang: _lang, ...i }) => i), nextCursor },
      { headers: { "Cache-Control": "public, max-age=60, stale-while-revalidate=300" } },
    );
  } catch (error) {
    return errorResponse(error, locale);
  }
}
