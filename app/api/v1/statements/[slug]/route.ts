import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { ExpectedError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/config";
import { getPublicStatement } from "@/lib/statements/public";
import { renderMarkdown } from "@/lib/statements/markdown";

export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
  try {
    const { slug } = await params;
    const s = await getPublicStatement(await getDb(), slug);
    if (!s) throw new ExpectedError("not_found");
    const content = Object.fromEntries(
      Object.entries(s.content).map(([l, c]) => [l, { ...c, bodyHtml: renderMarkdown(c!.body) }]),
    );
    return NextResponse.json(
      {
        slug: s.slug,
        type: s.type,
        status: s.status,
        publishedAt: s.publishedAt.toISOString(),
        updatedAt: s.updatedAt?.toISOString() ?? null,
        withdrawnAt: s.withdrawnAt?.toISOString() ?? null,
        withdrawalReason: s.withdrawalReason,
        content,
        appearances: s.appearances,
        history: s.history.map((h) => ({ ...h, publishedAt: h.publishedAt.toISOString() })),
        urls: Object.fromEntries(
          Object.keys(s.content).map((l) => [l, `/${l}/statements/${s.slug}`]),
        ),
      },
      { headers: { "Cache-Control": "public, max-age=60, stale-while-revalidate=300" } },
    );
  } catch (error) {
    return errorResponse(error, locale);
  }
}
