import { NextResponse } from "next/server";
import { ExpectedError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/errors";
import { clientKey, readJsonBody } from "@/lib/http/request";
import { localeFromAcceptLanguage } from "@/lib/i18n/config";
import { reportSchema } from "@/lib/reports/schema";
import { receiveReport } from "@/lib/reports/receive";

export async function POST(req: Request) {
  const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
  try {
    const key = req.headers.get("idempotency-key");
    if (key !== null && (key.length < 1 || key.length > 128))
      throw new ExpectedError("invalid_idempotency_key");
    const input = reportSchema.parse(await readJsonBody(req));
    const result = await receiveReport(input, {
      locale: input.locale ?? locale,
      client: clientKey(req.headers),
      idempotencyKey: key ?? undefined,
    });
    const { replayed, ...body } = result;
    return NextResponse.json(body, {
      status: 201,
      headers: {
        "Cache-Control": "no-store",
        ...(replayed ? { "Idempotent-Replayed": "true" } : {}),
      },
    });
  } catch (error) {
    return errorResponse(error, locale);
  }
}
