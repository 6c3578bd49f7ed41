import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/http/errors";
import { clientKey, readJsonBody } from "@/lib/http/request";
import { reportSchema } from "@/lib/reports/schema";

// The intake benchmark's ceiling: what the intake route must do on the event loop even if
// storing cost nothing (validation, the rate-limit key, a receipt-sized answer). 404 unless BENCH_ROUTES=true.
export async function POST(req: Request) {
  if (!env.BENCH_ROUTES) return new Response("Not found", { status: 404 });
  try {
    const input = reportSchema.parse(await readJsonBody(req));
    clientKey(req.headers);
    return NextResponse.json(
      {
        receipt: "0000-0000-0000-0000",
        status: "received",
        submittedAt: new Date().toISOString(),
        kind: input.kind,
      },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error, "en");
  }
}
