import { getTranslations } from "next-intl/server";
import type { StatementContent } from "@/lib/db/schema";
import { LOCALES } from "@/lib/i18n/config";

const FIELDS = ["title", "summary", "claimReviewed", "verdict", "body"] as const;

/**
 * Publishing is a second step: the publisher opens this, sees what will be public (for an
 * amendment, each field that differs from the published version, before and after), then
 * confirms. A details element: it works without JavaScript.
 */
export async function PublishConfirm({
  locale,
  content,
  published,
  slug,
  children,
}: {
  locale: string;
  content: StatementContent;
  published: StatementContent | null;
  slug: string | null;
  children: React.ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: "staff.statement" });
  const tf = await getTranslations({ locale, namespace: "staff.statement.fields" });
  const langs = LOCALES.filter((l) => content[l]);
  const changes = published
    ? langs.flatMap((l) =>
        FIELDS.filter((f) => (published[l]?.[f] ?? "") !== (content[l]?.[f] ?? "")).map((f) => ({
          l,
          f,
          before: published[l]?.[f] ?? "",
          after: content[l]?.[f] ?? "",
        })),
      )
    : [];
  return (
    <details
      data-testid="publish-review"
      className="w-full rounded-lg border border-emerald-700 p-3"
    >
      <summary className="cursor-pointer font-semibold text-emerald-800">
        {t("publishReview")}
      </summary>
      <div className="mt-3 space-y-3 text-sm">
        {slug ? (
          <p>
            {t("willBePublic")} <bdi dir="ltr">{`/${locale}/statements/${slug}`}</bdi>
          </p>
        ) : null}
        {published ? (
          <section data-testid="publish-diff" className="space-y-2">
            <h3 className="font-semibold">{t("changes")}</h3>
            {changes.length === 0 ? <p>{t("noChanges")}</p> : null}
            {changes.map(({ l, f, before, after }) => (
              <div key={`${l}.${f}`} className="rounded bg-slate-50 p-2">
                <p className="font-medium">{`${t(`locales.${l}`)} · ${tf(f)}`}</p>
                <p lang={l} dir={l === "ar" ? "rtl" : "ltr"} className="whitespace-pre-wrap">
                  <del className="bg-danger-50 text-danger">{before}</del>
                </p>
                <p lang={l} dir={l === "ar" ? "rtl" : "ltr"} className="whitespace-pre-wrap">
                  <ins className="bg-emerald-50 text-emerald-900 no-underline">{after}</ins>
                </p>
              </div>
            ))}
          </section>
        ) : (
          langs.map((l) => (
            <div
              key={l}
              lang={l}
              dir={l === "ar" ? "rtl" : "ltr"}
              className="rounded bg-slate-50 p-2"
            >
              <p className="font-bold">{content[l]!.title}</p>
              <p>{content[l]!.summary}</p>
              <p className="font-semibold">{content[l]!.verdict}</p>
            </div>
          ))
        )}
        {children}
      </div>
    </details>
  );
}
