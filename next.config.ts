import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Everything is served from this origin: no script, style, font, image or request goes
// elsewhere, so injected markup (a statement's Markdown, a report shown to staff) can neither
// load code nor send data away. Inline scripts stay allowed: Next's prerendered pages carry
// inline bootstrap scripts, and nonces would make every page dynamic (no static citizen pages).
// The dev server also needs eval and its websocket.
function contentSecurityPolicy(dev: boolean) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const securityHeaders = (dev: boolean) => [
  { key: "Content-Security-Policy", value: contentSecurityPolicy(dev) },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

// What a CDN may keep of a published statement and its share card. Next gives a statement page
// Cache-Control s-maxage={its ISR period} and a year of stale-while-revalidate, so behind a CDN
// an amended or withdrawn statement could be served long after the change. The CDN header
// (RFC 9213, honoured by Cloudflare, Fastly and Akamai, ignored by browsers) takes precedence
// there: fetch again after a minute, and keep serving the last copy for a day only if the app
// cannot answer. Next's own cache is unaffected (revalidated on every change, re-rendered every
// 5 minutes on the other instances).
const STATEMENT_CDN = [{ key: "CDN-Cache-Control", value: "max-age=60, stale-if-error=86400" }];
const STATEMENT_PATH = "/:locale/statements/:slug(\\d{4}-\\d{1,12})";

const nextConfig = (dev: boolean): NextConfig => ({
  // PGlite ships WASM and data files that the bundler must not touch.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "@resvg/resvg-js"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden(): a signed-in staff member without the role gets a real 403.
  // isrFlushToDisk: pages rendered at run time (a statement, and the 404 of every unknown slug,
  // which Next caches too) stay in Next's memory cache, bounded (cacheMaxMemorySize, 50 MB),
  // instead of files under .next that anyone could add to by asking for new addresses until the
  // disk is full. What the build prerendered is still read from disk.
  experimental: {
    authInterrupts: true,
    isrFlushToDisk: false,
    // The report form's pictures (scripts/page-guard.mjs refuses more, and every other page
    // POST above 1 MB, before Next reads the body).
    serverActions: { bodySizeLimit: "42mb" },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders(dev) },
      { source: STATEMENT_PATH, headers: STATEMENT_CDN },
      { source: `${STATEMENT_PATH}/share.png`, headers: STATEMENT_CDN },
    ];
  },
});

const config = (phase: string) => withNextIntl(nextConfig(phase === PHASE_DEVELOPMENT_SERVER));
export default config;
