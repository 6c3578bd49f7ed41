import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/http/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/config";
import { cachedYearFigures } from "@/lib/stats/cache";
import { statsRangeSchema } from "@/lib/stats/query";

export async function GET(req: Request) {
  const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
  try {
    const url = new URL(req.url);
    const { from, to } = statsRangeSchema.parse(Object.fromEntries(url.searchParams));
    const years = await cachedYearFigures(from, to);
    return NextResponse.json(
      { years },
      { headers: { "Cache-Control": "public, max-age=60, stale-while-revalidate=300" } },
    );
  } catch (error) {
    return errorResponse(error, locale);
  }
}
