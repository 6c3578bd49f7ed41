import type { MetadataRoute } from "next";
import { env } from "@/lib/env";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/ar/moderation", "/fr/moderation", "/en/moderation", "/api/"] }],
    sitemap: `${env.PUBLIC_URL}/sitemap.xml`,
  };
}
