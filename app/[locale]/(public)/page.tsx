import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink as Link } from "@/components/ui/locale-link";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: { absolute: t("homeTitle") } };
}

const tel = (chunks: React.ReactNode) => (
  <a href="tel:19" className="font-bold underline" dir="ltr">
    {chunks}
  </a>
);

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("home");

  return (
    <div className="space-y-8">
      <section className="space-y-4">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("heading")}</h1>
        <p className="text-lg text-muted">{t("intro")}</p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Link
            locale={locale}
            href="/report"
            className="rounded-lg bg-brand-700 px-5 py-3 text-center text-lg font-semibold text-white hover:bg-brand-800"
          >
            {t("ctaReport")}
          </Link>
          <Link
            locale={locale}
            href="/track"
            className="rounded-lg border-2 border-brand-700 px-5 py-3 text-center font-semibold text-brand-800 hover:bg-brand-50"
          >
            {t("ctaTrack")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="what" className="rounded-xl bg-white p-5 shadow-sm">
        <h2 id="what" className="mb-3 text-xl font-bold">
          {t("whatTitle")}
        </h2>
        <ul className="list-disc space-y-2 ps-5">
          <li>{t("whatRumor")}</li>
          <li>{t("whatViolent")}</li>
        </ul>
      </section>

      <section
        aria-labelledby="not"
        className="rounded-xl border-s-4 border-danger bg-danger-50 p-5"
      >
        <h2 id="not" className="mb-3 text-xl font-bold">
          {t("notTitle")}
        </h2>
        <ul className="list-disc space-y-2 ps-5">
          <li>{t.rich("notEmergency", { tel })}</li>
          <li>{t("notComplaint")}</li>
        </ul>
      </section>

      <section aria-labelledby="how" className="rounded-xl bg-white p-5 shadow-sm">
        <h2 id="how" className="mb-3 text-xl font-bold">
          {t("howTitle")}
        </h2>
        <ol className="list-decimal space-y-2 ps-5">
          <li>{t("how1")}</li>
          <li>{t("how2")}</li>
          <li>{t("how3")}</li>
        </ol>
      </section>
    </div>
  );
}
