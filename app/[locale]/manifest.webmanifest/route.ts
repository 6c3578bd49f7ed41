import { getTranslations } from "next-intl/server";
import { dirOf, isLocale, LOCALES } from "@/lib/i18n/config";
import { IMAGE_TYPES } from "@/lib/image/limits";
import { ICON_SIZES } from "@/lib/share/icon";

// One manifest per language: the installed app opens in the language it was installed from,
// with its direction.
export const dynamic = "force-static";
export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function GET(_req: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response(null, { status: 404 });
  const t = await getTranslations({ locale, namespace: "meta" });
  const manifest = {
    id: `/${locale}`,
    name: t("homeTitle"),
    short_name: t("siteName"),
    description: t("tagline"),
    lang: locale,
    dir: dirOf(locale),
    start_url: `/${locale}`,
    scope: "/",
    display: "standalone",
    // Sharing a link, a text or pictures from another app (Chrome on Android) opens the report
    // form with them filled in. The service worker holds what was shared until the form takes
    // it (lib/pwa/service-worker.ts); without one, /api/share passes the words on in the address.
    share_target: {
      action: `/api/share/${locale}`,
      method: "POST",
      enctype: "multipart/form-data",
      params: {
        title: "title",
        text: "text",
        url: "url",
        files: [
          {
            name: "images",
            accept: IMAGE_TYPES,
          },
        ],
      },
    },
    theme_color: "#0b5541",
    background_color: "#f7f9f8",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      ...ICON_SIZES.map((size) => ({
        src: `/icons/${size}.png`,
        sizes: `${size}x${size}`,
        type: "image/png",
        purpose: "any",
      })),
    ],
  };
  return new Response(JSON.stringify(manifest), {
    headers: { "Content-Type": "application/manifest+json; charset=utf-8" },
  });
}
