import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/config";
import { ExpectedError } from "@/lib/errors";
import { unsubscribe } from "@/lib/mail/unsubscribe";

// One-click unsubscribe (RFC 8058): the mail client POSTs to the address in List-Unsubscribe.
// The link carries its own proof (a keyed hash of the report's id); no receipt, no session.
export async function POST(req: Request) {
  const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
  try {
    const url = new URL(req.url);
    const ok = await unsubscribe(
      await getDb(),
      url.searchParams.get("r"),
      url.searchParams.get("t"),
    );
    if (!ok) throw new ExpectedError("not_found");
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, locale);
  }
}
