import { getLocale, getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/ui/locale-link";

export default async function Forbidden() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: "staff.forbidden" });
  return (
    <div className="max-w-xl space-y-3" data-testid="forbidden">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("body")}</p>
      <Link locale={locale} href="/moderation/profile" className="text-brand-700 underline">
        {t("back")}
      </Link>
    </div>
  );
}
