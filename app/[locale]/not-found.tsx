import { getLocale, getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/ui/locale-link";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  const locale = await getLocale();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <Link locale={locale} href="/" className="text-brand-700 underline">{t("back")}</Link>
    </div>
  );
}
