import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/config";
import { renderStatementCard } from "@/lib/share/statement-image";
import { getPublicStatement, inLocale } from "@/lib/statements/public";

// Rendered once per statement and language, then cached until the statement changes (and at
// most 5 minutes on other instances, as the statement page).
export const revalidate = 300;

export async function GET(
  _req: Request,
  { params }: { params: Promise<{ locale: string; slug: string }> },
) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const s = await getPublicStatement(await getDb(), slug);
  if (!s) return new Response("Not found", { status: 404 });
  const { locale: lang, text } = inLocale(s.content, locale);
  const t = await getTranslations({ locale: lang, namespace: "statements" });
  const site = await getTranslations({ locale: lang, namespace: "meta" });
  const withdrawn = s.status === "withdrawn";
  // A communiqué states no verdict on a claim: its pill is neutral, never the red "false".
  const tone =
    withdrawn || s.type === "communique" ? "neutral" : s.type === "denial" ? "false" : "true";
  const png = renderStatementCard({
    label: t(`types.${s.type}`),
    title: text.title,
    verdict: withdrawn ? t("withdrawn") : text.verdict,
    tone,
    site: site("siteName"),
    rtl: lang === "ar",
  });
  return new Response(new Uint8Array(png), {
    headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=300" },
  });
}
