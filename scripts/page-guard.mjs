// Page POSTs (server actions, with or without JavaScript) that no form of ours sends, refused
// with a 4xx before Next reads them. Next would buffer up to 10 MB of each body and answer a
// cross-site or oversized action with a 500. API routes read their own bodies with their own
// limits (lib/http/request.ts) and are not checked here.

/** The largest page POST a form needs: the report form is a few kilobytes. */
export const PAGE_BODY_LIMIT = 1024 * 1024;

const LOCALES = new Set(["ar", "fr", "en"]);

const first = (v) => (Array.isArray(v) ? v[0] : v)?.split(",")[0]?.trim();

/**
 * null when Next may handle the request, else the status and the message key to answer with.
 * The origin check is Next's own (the Origin's host against X-Forwarded-Host or Host), made
 * early so a forged cross-site submission gets a 403 instead of a 500.
 */
export function pageRefusal(method, url = "/", headers = {}) {
  if (method !== "POST" || url.startsWith("/api/") || url.startsWith("/_next/")) return null;
  const segment = url.split(/[/?#]/)[1];
  const locale = LOCALES.has(segment) ? segment : "ar";
  const origin = first(headers.origin);
  if (origin) {
    let originHost = null;
    try {
      originHost = origin === "null" ? null : new URL(origin).host;
    } catch {}
    const host = first(headers["x-forwarded-host"]) || first(headers.host);
    if (!originHost || originHost !== host) return { status: 403, key: "crossOrigin", locale };
  }
  const length = headers["content-length"];
  if (length === undefined) return { status: 411, key: "lengthRequired", locale };
  if (!/^\d+$/.test(length) || Number(length) > PAGE_BODY_LIMIT) return { status: 413, key: "tooLarge", locale };
  return null;
}
