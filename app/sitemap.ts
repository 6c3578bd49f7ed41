import type { MetadataRoute } from "next";
import { getDb } from "@/lib/db/client";
import { siteOrigin } from "@/lib/http/origin";
import { LOCALES } from "@/lib/i18n/config";
import { listStatementSlugs } from "@/lib/statements/public";

export const revalidate = 3600;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = await siteOrigin();
  const pages = ["", "/report", "/track", "/statements"].flatMap((p) =>
    LOCALES.map((l) => ({
      url: `${base}/${l}${p}`,
      alternates: { languages: Object.fromEntries(LOCALES.map((o) => [o, `${base}/${o}${p}`])) },
    })),
  );
  let statements: MetadataRoute.Sitemap = [];
  try {
    const rows = await listStatementSlugs(await getDb());
    statements = rows.flatMap((s) =>
      LOCALES.map((l) => ({
        url: `${base}/${l}/statements/${s.slug}`,
        lastModified: s.updatedAt ?? undefined,
        alternates: {
          languages: Object.fromEntries(
            LOCALES.map((o) => [o, `${base}/${o}/statements/${s.slug}`]),
          ),
        },
      })),
    );
  } catch {
    // Without the database (at build time), the static pages are still listed.
  }
  return [...pages, ...statements];
}
