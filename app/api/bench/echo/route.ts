import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/http/errors";
import { readJsonBody } from "@/lib/http/request";

// The baseline of the intake benchmark: the same body reading, no work. 404 unless BENCH_ROUTES=true.
export async function POST(req: Request) {
  if (!env.BENCH_ROUTES) return new Response("Not found", { status: 404 });
  try {
    return NextResponse.json(await readJsonBody(req), { status: 201 });
  } catch (error) {
    return errorResponse(error, "en");
  }
}
