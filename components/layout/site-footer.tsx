import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "footer" });
  return (
    <footer className="border-t border-brand-100 bg-white">
      <div className="mx-auto max-w-3xl space-y-1 px-4 py-5 text-sm text-muted">
        <p className="font-semibold text-ink">
          {t.rich("emergency", {
            tel: (chunks) => (
              <a href="tel:19" dir="ltr" className="underline">
                {chunks}
              </a>
            ),
          })}
        </p>
        <p>{t("privacy")}</p>
      </div>
    </footer>
  );
}
