import type { MetadataRoute } from "next";
import { siteOrigin } from "@/lib/http/origin";

export default async function robots(): Promise<MetadataRoute.Robots> {
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        disallow: ["/ar/moderation", "/fr/moderation", "/en/moderation", "/api/"],
      },
    ],
    sitemap: `${await siteOrigin()}/sitemap.xml`,
  };
}
