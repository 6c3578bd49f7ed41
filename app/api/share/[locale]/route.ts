import { readMultipart } from "@/lib/http/multipart";
import { REPORT_MULTIPART } from "@/lib/image/upload";
import { isLocale } from "@/lib/i18n/config";
import { SHARED_URL_TEXT_MAX } from "@/lib/reports/shared";

// The manifest's share target when no service worker took the share (the worker holds pictures
// and long texts itself: lib/pwa/service-worker.ts): the shared words and link open the report
// form as query parameters, cut to keep the address under the server's header limit. Pictures cannot follow a redirect; they are read past. A
// share never ends on an error page: whatever could not be read, the form opens.
export async function POST(req: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const to = new URL(`/${isLocale(locale) ? locale : "ar"}/report`, req.url);
  try {
    const { fields } = await readMultipart(req, {
      ...REPORT_MULTIPART,
      fileFields: [],
      maxFiles: 16,
    });
    for (const name of ["title", "text", "url"]) {
      const v = fields.get(name);
      if (typeof v === "string" && v) to.searchParams.set(name, v.slice(0, SHARED_URL_TEXT_MAX));
    }
  } catch {}
  return new Response(null, { status: 303, headers: { Location: to.pathname + to.search } });
}
