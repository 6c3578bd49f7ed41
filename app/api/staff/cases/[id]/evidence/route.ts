import { actionActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/config";
import { exportEvidence } from "@/lib/media/evidence";

/** A case's pictures and their manifest as a ZIP, for a judicial referral (audited). */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
  try {
    const { id } = await params;
    const { zip, ref } = await exportEvidence(await getDb(), await actionActor(), id);
    return new Response(new Uint8Array(zip), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="case-${ref}-evidence.zip"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, locale);
  }
}
