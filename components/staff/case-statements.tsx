import { getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/ui/locale-link";
import type { statementsOfCase } from "@/lib/statements/staff";
import { labelled } from "@/lib/i18n/translate";

/** The case's statements and the drafts it may start; the page reads them (components never read the database). */
export async function CaseStatements({
  locale,
  caseId,
  kind,
  existing,
  createDraftAction,
}: {
  createDraftAction: (fd: FormData) => Promise<void>;
  locale: string;
  caseId: string;
  kind: string;
  existing: Awaited<ReturnType<typeof statementsOfCase>>;
}) {
  const t = await getTranslations({ locale, namespace: "staff.statement" });
  const live = new Set(existing.filter((s) => s.status !== "withdrawn").map((s) => s.type));
  const types = (kind === "rumor" ? ["denial", "truth", "communique"] : ["communique"]) as (
    "denial" | "truth" | "communique"
  )[];
  return (
    <section
      className="space-y-2 rounded-lg bg-white p-4 text-sm shadow-sm"
      aria-labelledby="statements-heading"
      data-testid="case-statements"
    >
      <h2 id="statements-heading" className="font-semibold">
        {t("caseStatements")}
      </h2>
      <ul>
        {existing.map((s) => (
          <li key={s.id}>
            <Link locale={locale} href={`/moderation/statements/${s.id}`} className="underline">
              {t(`types.${s.type as "denial"}`)}
            </Link>{" "}
            — {t(`statuses.${s.status as "draft"}`)}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        {types
          .filter((ty) => !live.has(ty))
          .map((ty) => (
            <form key={ty} action={createDraftAction}>
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="caseId" value={caseId} />
              <input type="hidden" name="type" value={ty} />
              <button type="submit" className="rounded border border-slate-500 px-2 py-1">
                {labelled(locale, t("draftFor"))}
                {t(`types.${ty}`)}
              </button>
            </form>
          ))}
      </div>
    </section>
  );
}
