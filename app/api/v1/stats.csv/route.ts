import { errorResponse } from "@/lib/http/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/config";
import { cachedYearFigures } from "@/lib/stats/cache";
import { figuresToCsv } from "@/lib/stats/csv";
import { statsRangeSchema } from "@/lib/stats/query";

export async function GET(req: Request) {
  const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
  try {
    const { from, to } = statsRangeSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const csv = figuresToCsv(await cachedYearFigures(from, to));
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="iblagh-figures-${from}-${to}.csv"`,
        "Cache-Control": "public, max-age=60",
      },
    });
  } catch (error) {
    return errorResponse(error, locale);
  }
}
