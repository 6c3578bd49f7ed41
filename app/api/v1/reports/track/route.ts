import { NextResponse } from "next/server";
import { trackRequestSchema } from "@/lib/api/schemas";
import { errorResponse } from "@/lib/http/errors";
import { clientKey, readJsonBody } from "@/lib/http/request";
import { localeFromAcceptLanguage } from "@/lib/i18n/config";
import { lookUpReport } from "@/lib/reports/track";

export async function POST(req: Request) {
  const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
  try {
    const { receipt } = trackRequestSchema.parse(await readJsonBody(req));
    // The statement's link in the reader's language, when they said which one they read.
    const found = await lookUpReport(
      receipt,
      clientKey(req.headers),
      req.headers.has("accept-language") ? locale : undefined,
    );
    return NextResponse.json(found, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, locale);
  }
}
