import { NextResponse } from "next/server";
import { ExpectedError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/errors";
import { readMultipart } from "@/lib/http/multipart";
import { clientKey, readJsonBody } from "@/lib/http/request";
import type { NormalizedImage } from "@/lib/image/normalize";
import { readImages, REPORT_MULTIPART, withinUploadBudget } from "@/lib/image/upload";
import { localeFromAcceptLanguage } from "@/lib/i18n/config";
import { reportFromFormData, reportSchema, type ReportInput } from "@/lib/reports/schema";
import { receiveReport } from "@/lib/reports/receive";

export async function POST(req: Request) {
  const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
  try {
    const key = req.headers.get("idempotency-key");
    if (key !== null && (key.length < 1 || key.length > 128))
      throw new ExpectedError("invalid_idempotency_key");
    // JSON, or multipart/form-data: the same fields plus up to four pictures (`images[]`).
    let input: ReportInput;
    let images: NormalizedImage[] = [];
    if (/^multipart\//i.test(req.headers.get("content-type") ?? "")) {
      const length = req.headers.get("content-length");
      [input, images] = await withinUploadBudget(
        length === null ? null : Number(length),
        async () => {
          const { fields, files } = await readMultipart(req, REPORT_MULTIPART);
          const parsed = reportSchema.parse(reportFromFormData(fields));
          return [parsed, await readImages(files.map((f) => f.bytes))] as const;
        },
      );
    } else input = reportSchema.parse(await readJsonBody(req));
    const result = await receiveReport(input, {
      images,
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
