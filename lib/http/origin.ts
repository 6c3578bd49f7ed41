import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/i;

/**
 * The site's absolute origin for feeds, the sitemap and robots.txt: PUBLIC_URL, or else the
 * origin the request came to (never a localhost default in a link people share). It reads the
 * request's headers: only for what is rendered per request, never a cached page.
 */
export async function siteOrigin(): Promise<string> {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("host") ?? "";
  const proto = h.get("x-forwarded-proto")?.split(",")[0].trim() === "https" ? "https" : "http";
  return HOST.test(host) ? `${proto}://${host.toLowerCase()}` : "http://localhost";
}
