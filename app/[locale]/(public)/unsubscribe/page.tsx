import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { unsubscribeAction } from "./actions";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "unsubscribe" });
  return { title: t("title"), robots: { index: false } };
}

// Reached from a message's link. Stopping takes a press of the button, not the visit: mail
// scanners open links, and must not unsubscribe anyone.
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ r?: string; t?: string; done?: string; invalid?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const q = await searchParams;
  const t = await getTranslations({ locale, namespace: "unsubscribe" });
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {q.done ? (
        <p role="status" data-testid="unsubscribe-done" className="rounded-lg bg-brand-50 p-3">
          {t("done")}
        </p>
      ) : q.invalid || !q.r || !q.t ? (
        <p role="alert" data-testid="unsubscribe-invalid" className="rounded-lg bg-danger-50 p-3">
          {t("invalid")}
        </p>
      ) : (
        <form action={unsubscribeAction} className="space-y-3">
          <p>{t("intro")}</p>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="r" value={q.r} />
          <input type="hidden" name="t" value={q.t} />
          <button
            type="submit"
            className="rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800"
          >
            {t("confirm")}
          </button>
        </form>
      )}
    </div>
  );
}
