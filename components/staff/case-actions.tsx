import { getTranslations } from "next-intl/server";
import { PRIORITIES } from "@/lib/cases/priority";
import type { CaseDetail } from "@/lib/cases/detail";
import { isFinal, nextStatuses, type CaseStatus } from "@/lib/cases/workflow";
import { fillTemplate } from "@/lib/desk/templates";

const input = "rounded border border-slate-400 px-2 py-1";

// One small form per possible step, so every action works without JavaScript.
export async function CaseActions({
  locale,
  c,
  staff,
  actorId,
  closingNote,
  actions: { transitionAction, assignAction, priorityAction },
}: {
  /** Server actions, passed by the page (components never import app/). */
  actions: Record<
    "transitionAction" | "assignAction" | "priorityAction",
    (fd: FormData) => Promise<void>
  >;
  locale: string;
  c: CaseDetail;
  staff: { id: string; email: string }[];
  actorId: string;
  /** The canned closing note for the case's kind in this language (lib/desk/templates.ts). */
  closingNote: string;
}) {
  const t = await getTranslations({ locale, namespace: "staff" });
  const next = nextStatuses(c.kind as "rumor", c.status as CaseStatus);
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="caseId" value={c.id} />
    </>
  );
  return (
    <>
      <section
        className="space-y-3 rounded-lg bg-white p-4 shadow-sm"
        aria-labelledby="move-heading"
        data-testid="transitions"
      >
        <h2 id="move-heading" className="font-semibold">
          {t("case.actionsTitle")}
        </h2>
        {next.length === 0 ? <p className="text-sm">{t("case.noTransitions")}</p> : null}
        {next.map((to) => (
          <details
            key={to}
            className="rounded border border-slate-200 p-2"
            open={!isFinal(to) && next.indexOf(to) === 0}
          >
            <summary className="cursor-pointer font-medium">
              {t(`transitions.${to as "triage"}`)}
            </summary>
            <form action={transitionAction} noValidate className="mt-2 space-y-2 text-sm">
              {hidden}
              <input type="hidden" name="to" value={to} />
              <label className="flex flex-col">
                <span>
                  {t("case.note")}
                  {isFinal(to) ? ` — ${t("case.noteHintFinal")}` : ""}
                </span>
                <textarea
                  name="note"
                  rows={isFinal(to) ? 4 : 2}
                  required={isFinal(to)}
                  className={input}
                  defaultValue={
                    isFinal(to)
                      ? fillTemplate(closingNote, {
                          caseRef: String(c.ref),
                          outcome: t(`statuses.${to as "debunked"}`),
                        })
                      : undefined
                  }
                />
              </label>
              {to === "referred" ? (
                <div className="grid gap-2">
                  <label className="flex flex-col">
                    <span>{t("case.referralDate")}</span>
                    <input type="date" name="referralDate" required className={input} />
                  </label>
                  <label className="flex flex-col">
                    <span>{t("case.referralUnit")}</span>
                    <input name="referralUnit" required className={input} />
                  </label>
                  <label className="flex flex-col">
                    <span>{t("case.referralReference")}</span>
                    <input name="referralReference" required className={input} />
                  </label>
                </div>
              ) : null}
              {to === "duplicate" ? (
                <label className="flex flex-col">
                  <span>{t("case.survivorRef")}</span>
                  <input name="survivorRef" inputMode="numeric" required className={input} />
                </label>
              ) : null}
              <button
                type="submit"
                className="rounded bg-slate-900 px-3 py-1.5 font-semibold text-white"
              >
                {t(`transitions.${to as "triage"}`)}
              </button>
            </form>
          </details>
        ))}
      </section>

      <section
        className="space-y-2 rounded-lg bg-white p-4 shadow-sm text-sm"
        aria-labelledby="assign-heading"
      >
        <h2 id="assign-heading" className="font-semibold">
          {t("case.assignTitle")}
        </h2>
        <div className="flex flex-wrap gap-2">
          {c.assigneeId !== actorId ? (
            <form action={assignAction}>
              {hidden}
              <input type="hidden" name="assignee" value="me" />
              <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-white">
                {t("case.assignMe")}
              </button>
            </form>
          ) : null}
          {c.assigneeId ? (
            <form action={assignAction}>
              {hidden}
              <input type="hidden" name="assignee" value="" />
              <button type="submit" className="rounded border border-slate-400 px-3 py-1.5">
                {t("case.unassign")}
              </button>
            </form>
          ) : null}
        </div>
        <form action={assignAction} className="flex flex-wrap items-end gap-2">
          {hidden}
          <label className="flex flex-1 flex-col">
            <span>{t("case.assignTo")}</span>
            <select name="assignee" defaultValue={c.assigneeId ?? ""} className={input} dir="ltr">
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.email}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded border border-slate-400 px-3 py-1.5">
            {t("case.save")}
          </button>
        </form>
      </section>

      <section
        className="space-y-2 rounded-lg bg-white p-4 shadow-sm text-sm"
        aria-labelledby="priority-heading"
      >
        <h2 id="priority-heading" className="font-semibold">
          {t("case.priorityTitle")}
        </h2>
        <form action={priorityAction} className="flex items-end gap-2">
          {hidden}
          <select
            name="priority"
            defaultValue={c.priority}
            aria-label={t("case.priorityTitle")}
            className={input}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priorities.${p}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded border border-slate-400 px-3 py-1.5">
            {t("case.save")}
          </button>
        </form>
      </section>
    </>
  );
}
