import { getTranslations } from "next-intl/server";
import { siteOrigin } from "@/lib/http/origin";
import { isLocale } from "@/lib/i18n/config";
import { cachedStatementList } from "@/lib/statements/cache";

const esc = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );

/** RSS 2.0, newest 50 statements, in the page's language (Arabic where a translation is missing). */
export async function GET(_req: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const t = await getTranslations({ locale, namespace: "statements" });
  const { items } = await cachedStatementList(locale, {}, 50);
  const base = await siteOrigin();
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${esc(t("feedTitle"))}</title>
<link>${base}/${locale}/statements</link>
<description>${esc(t("listIntro"))}</description>
<language>${locale}</language>
<atom:link href="${base}/${locale}/statements/feed.xml" rel="self" type="application/rss+xml"/>
${items
  .map(
    (i) => `<item>
<title>${esc(`${t(`types.${i.type}`)}: ${i.title}${i.status === "withdrawn" ? ` (${t("withdrawn")})` : ""}`)}</title>
<link>${base}${i.url}</link>
<guid isPermaLink="true">${base}${i.url}</guid>
<pubDate>${new Date(i.publishedAt).toUTCString()}</pubDate>
<description>${esc(i.summary)}</description>
</item>`,
  )
  .join("\n")}
</channel>
</rss>`;
  return new Response(xml, {
    headers: {
      "Content-Type": "application/rss+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
