import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Flash } from "@/components/staff/flash";
import { requireStaffPage } from "@/lib/auth/session";
import { listDeadlines } from "@/lib/cases/deadlines";
import { getDb } from "@/lib/db/client";
import { allTemplates } from "@/lib/desk/templates";
import { refusalMessage } from "@/lib/i18n/refusal";
import { deadlineAction, templateAction } from "./actions";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "desk" }))("title") };
}

const field = "rounded border border-slate-400 px-2 py-1.5";

/** Admins: how long cases may wait, and the canned texts of notices and closing notes. */
export default async function DeskPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ deadline?: string; template?: string }>;
}) {
  const { locale } = await params;
  await requireStaffPage(locale, ["admin"], `/${locale}/moderation/desk`);
  const db = await getDb();
  const [deadlines, templates] = await Promise.all([listDeadlines(db), allTemplates(db)]);
  const { deadline, template } = await searchParams;
  const t = await getTranslations({ locale, namespace: "desk" });
  const ts = await getTranslations({ locale, namespace: "staff" });
  const tr = await getTranslations({ locale, namespace: "staff.case" });
  const format = await getFormatter({ locale });
  const outcome = (v: string | undefined) =>
    v === "saved" ? (
      <Flash tone="done" testId="desk-done">
        {t("saved")}
      </Flash>
    ) : v ? (
      <Flash tone="error" testId="desk-error">
        {refusalMessage(tr, v)}
      </Flash>
    ) : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>

      <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm" aria-labelledby="dl-h">
        <h2 id="dl-h" className="font-semibold">
          {t("deadlines.title")}
        </h2>
        <p className="text-sm text-slate-600">{t("deadlines.intro")}</p>
        {outcome(deadline)}
        <ul className="space-y-2" data-testid="deadlines">
          {deadlines.map((d) => (
            <li key={`${d.kind}:${d.priority}`}>
              <form
                action={deadlineAction}
                className="flex flex-wrap items-end gap-3 border-t border-slate-100 pt-2 text-sm"
              >
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="kind" value={d.kind} />
                <input type="hidden" name="priority" value={d.priority} />
                <p className="w-48 font-medium">
                  {ts(`kinds.${d.kind}`)} · {ts(`priorities.${d.priority}`)}
                </p>
                <label className="flex flex-col">
                  <span>{t("deadlines.firstAction")}</span>
                  <input
                    name="firstActionMinutes"
                    type="number"
                    min={1}
                    required
                    defaultValue={d.firstActionMinutes}
                    className={`${field} w-28`}
                  />
                </label>
                <label className="flex flex-col">
                  <span>{t("deadlines.decision")}</span>
                  <input
                    name="decisionMinutes"
                    type="number"
                    min={1}
                    required
                    defaultValue={d.decisionMinutes}
                    className={`${field} w-28`}
                  />
                </label>
                <button type="submit" className="rounded border border-slate-400 px-3 py-1.5">
                  {t("save")}
                </button>
                <p className="w-full text-xs text-slate-600">
                  {t("deadlines.inHours", {
                    first: format.number(d.firstActionMinutes / 60, { maximumFractionDigits: 1 }),
                    decision: format.number(d.decisionMinutes / 60, { maximumFractionDigits: 1 }),
                  })}
                </p>
              </form>
            </li>
          ))}
        </ul>
      </section>

      <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm" aria-labelledby="tpl-h">
        <h2 id="tpl-h" className="font-semibold">
          {t("templates.title")}
        </h2>
        <p className="text-sm text-slate-600">{t("templates.intro")}</p>
        {outcome(template)}
        {templates.map((tpl) => (
          <details
            key={`${tpl.purpose}:${tpl.kind}:${tpl.locale}`}
            className="rounded border border-slate-200 p-2"
            data-testid="template"
          >
            <summary className="cursor-pointer text-sm font-medium">
              {t(`templates.${tpl.purpose}`)} · {ts(`kinds.${tpl.kind}`)} ·{" "}
              {t(`languages.${tpl.locale}`)}
              {tpl.custom ? ` · ${t("templates.custom")}` : ""}
            </summary>
            <form action={templateAction} className="mt-2 space-y-2 text-sm">
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="purpose" value={tpl.purpose} />
              <input type="hidden" name="kind" value={tpl.kind} />
              <input type="hidden" name="language" value={tpl.locale} />
              <textarea
                name="body"
                rows={10}
                dir={tpl.locale === "ar" ? "rtl" : "ltr"}
                lang={tpl.locale}
                defaultValue={tpl.body}
                className={`${field} w-full`}
              />
              <p className="text-xs text-slate-600">{t(`templates.placeholders.${tpl.purpose}`)}</p>
              <button type="submit" className="rounded border border-slate-400 px-3 py-1.5">
                {t("save")}
              </button>
            </form>
          </details>
        ))}
      </section>
    </div>
  );
}
