import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/staff/badges";
import { LocaleLink as Link } from "@/components/ui/locale-link";
import type { CaseDetail } from "@/lib/cases/detail";
import { isOpen } from "@/lib/cases/workflow";

/** Open cases that read alike (merge here) and closed ones already answered on the same content. */
export async function CaseRelated({
  locale,
  c,
  mergeAction,
}: {
  locale: string;
  c: CaseDetail;
  mergeAction: (fd: FormData) => Promise<void>;
}) {
  const t = await getTranslations({ locale, namespace: "staff" });
  return (
    <>
      <section
        className="space-y-2 rounded-lg bg-white p-4 shadow-sm"
        aria-labelledby="suggestions-heading"
        data-testid="suggestions"
      >
        <h2 id="suggestions-heading" className="font-semibold">
          {t("case.suggestionsTitle")}
        </h2>
        {c.suggestions.length === 0 ? (
          <p className="text-sm text-slate-600">{t("case.noSuggestions")}</p>
        ) : null}
        {c.suggestions.map((s) => (
          <div key={s.id} className="space-y-1 border-t border-slate-100 pt-2 text-sm">
            <Link
              locale={locale}
              href={`/moderation/cases/${s.id}`}
              className="font-semibold underline"
            >
              {t("queue.caseRef", { ref: Number(s.ref) })}
            </Link>{" "}
            <span className="text-slate-600">
              {t("case.similarity", { score: Math.round(s.score * 100) })}
            </span>
            <p dir="auto" className="line-clamp-2">
              {s.summary}
            </p>
            {isOpen(c.status) ? (
              <form action={mergeAction} noValidate className="flex flex-wrap gap-2">
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="caseId" value={c.id} />
                <input type="hidden" name="sourceId" value={s.id} />
                <input
                  name="note"
                  required
                  aria-label={t("case.mergeNote")}
                  placeholder={t("case.mergeNote")}
                  className="flex-1 rounded border border-slate-400 px-2 py-1"
                />
                <button type="submit" className="rounded bg-slate-800 px-2 py-1 text-white">
                  {t("case.mergeHere")}
                </button>
              </form>
            ) : null}
          </div>
        ))}
      </section>
      {c.answered.length > 0 ? (
        <section
          className="space-y-2 rounded-lg border-s-4 border-emerald-600 bg-white p-4 shadow-sm"
          aria-labelledby="answered-heading"
          data-testid="answered-before"
        >
          <h2 id="answered-heading" className="font-semibold">
            {t("case.answeredTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("case.answeredHint")}</p>
          {c.answered.map((a) => (
            <div key={a.id} className="space-y-1 border-t border-slate-100 pt-2 text-sm">
              <Link
                locale={locale}
                href={`/moderation/cases/${a.id}`}
                className="font-semibold underline"
              >
                {t("queue.caseRef", { ref: a.ref })}
              </Link>{" "}
              <StatusBadge status={a.status} label={t(`statuses.${a.status as "debunked"}`)} />
              <p dir="auto" className="line-clamp-2">
                {a.summary}
              </p>
              {a.statements.length === 0 ? (
                <p className="text-slate-600">{t("case.answeredNoStatement")}</p>
              ) : null}
              {a.statements.map((st) => (
                <a
                  key={st.slug}
                  href={`/${locale}/statements/${st.slug}`}
                  className="me-3 text-emerald-800 underline"
                >
                  {t(`statement.types.${st.type as "denial"}`)}
                </a>
              ))}
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}
