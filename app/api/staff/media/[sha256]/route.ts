import { actionActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/config";
import { readEvidence } from "@/lib/media/evidence";

/**
 * A report's picture, for signed-in staff only: `?full=1` the whole picture (an audit event),
 * else its thumbnail. Served as an opaque image: never sniffed, never run, never kept by a
 * shared cache.
 */
export async function GET(req: Request, { params }: { params: Promise<{ sha256: string }> }) {
  const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
  try {
    const { sha256 } = await params;
    const full = new URL(req.url).searchParams.get("full") === "1";
    const { bytes, mime } = await readEvidence(
      await getDb(),
      await actionActor(),
      sha256,
      full ? "full" : "thumb",
    );
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": mime,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox; default-src 'none'",
        "Cache-Control": "private, no-store",
        "Content-Disposition": "inline",
        "Cross-Origin-Resource-Policy": "same-origin",
      },
    });
  } catch (error) {
    return errorResponse(error, locale);
  }
}
