// Page POSTs (server actions, with or without JavaScript) that no form of ours sends, refused
// with a 4xx before Next reads them. Next would buffer up to 10 MB of each body and answer a
// cross-site or oversized action with a 500. API routes read their own bodies with their own
// limits (lib/http/request.ts) and are not checked here.

/** The largest page POST a form needs: a few kilobytes, except the report form's pictures. */
export const PAGE_BODY_LIMIT = 1024 * 1024;
/** The report form: its fields plus MAX_IMAGES × MAX_IMAGE_BYTES (lib/image/normalize.ts). */
export const REPORT_BODY_LIMIT = 4 * 10 * 1024 * 1024 + PAGE_BODY_LIMIT;

const LOCALES = new Set(["ar", "fr", "en"]);

const first = (v) => (Array.isArray(v) ? v[0] : v)?.split(",")[0]?.trim();

/**
 * null when Next may handle the request, else the status and the message key to answer with.
 * The origin check is Next's own (the Origin's host against X-Forwarded-Host or Host), made
 * early so a forged cross-site submission gets a 403 instead of a 500.
 */
export function pageRefusal(method, url = "/", headers = {}) {
  if (method !== "POST" || url.startsWith("/api/") || url.startsWith("/_next/")) return null;
  const locale = localeOf(url);
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
  const limit = /^\/(ar|fr|en)\/report\/?(\?|$)/.test(url) ? REPORT_BODY_LIMIT : PAGE_BODY_LIMIT;
  if (!/^\d+$/.test(length) || Number(length) > limit)
    return { status: 413, key: "tooLarge", locale };
  return null;
}

/**
 * The request path with every segment Next cannot decode replaced by U+FFFD, or the path itself
 * when all decode. Next decodes a dynamic segment after the router already has (`%25` → `%`),
 * and a segment that fails (`%25`, `%ED%A0%80`, a stray `%`) ends in a bare 500 before any
 * handler runs (vercel/next.js#92527); a language segment like `..%2f` reached a statement
 * page's layout undecided and ended in a 500 too. No route of ours has a `%`, `/` or `\` in a
 * segment, so such a segment becomes one that matches nothing, and the page or handler
 * answers its own localised 404.
 */
export function decodablePath(url = "/") {
  const q = url.search(/[?#]/);
  const path = q < 0 ? url : url.slice(0, q);
  if (!path.includes("%")) return url;
  let changed = false;
  const segments = path.split("/").map((segment) => {
    try {
      // An encoded slash or backslash (`..%2f`) is no segment of ours either: it hides a path.
      if (!/[%/\\]/.test(decodeURIComponent(segment))) return segment;
    } catch {}
    changed = true;
    return "%EF%BF%BD";
  });
  return changed ? segments.join("/") + (q < 0 ? "" : url.slice(q)) : url;
}

/**
 * A request that invokes a server action: with JavaScript (the Next-Action header) or without
 * (a form POST to a page). Next decodes its body as a React Flight reply before any code of ours
 * runs, and a body it cannot decode (a forged or damaged one: `$ACTION_1:1` not JSON, `"$@5"`,
 * arguments that are not the form's) ends in a 500 there.
 */
export function isActionRequest(method, url = "/", headers = {}) {
  if (method !== "POST" || url.startsWith("/api/") || url.startsWith("/_next/")) return false;
  return (
    headers["next-action"] !== undefined ||
    /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(
      String(headers["content-type"] ?? ""),
    )
  );
}

export function localeOf(url = "/") {
  const segment = url.split(/[/?#]/)[1];
  return LOCALES.has(segment) ? segment : "ar";
}
