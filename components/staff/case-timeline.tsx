import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseDetail } from "@/lib/cases/detail";

// Publishing a statement closes its case with the note "statement <slug>" (lib/statements/lifecycle.ts):
// shown as words and a link, not as that code.
const statementSlug = (e: CaseDetail["events"][number]) =>
  e.data?.statementId && e.note?.startsWith("statement ")
    ? e.note.slice("statement ".length)
    : null;

export async function CaseTimeline({
  locale,
  caseId,
  events,
  noteAction,
}: {
  noteAction: (fd: FormData) => Promise<void>;
  locale: string;
  caseId: string;
  events: CaseDetail["events"];
}) {
  const t = await getTranslations({ locale, namespace: "staff" });
  const format = await getFormatter({ locale });
  return (
    <section
      className="space-y-2 rounded-lg bg-white p-4 shadow-sm"
      aria-labelledby="timeline-heading"
    >
      <h2 id="timeline-heading" className="font-semibold">
        {t("case.timelineTitle")}
      </h2>
      <form action={noteAction} noValidate className="flex flex-col gap-2 text-sm">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="caseId" value={caseId} />
        <label className="flex flex-col">
          <span>{t("case.addNote")}</span>
          <textarea
            name="note"
            rows={2}
            required
            dir="auto"
            className="rounded border border-slate-400 px-2 py-1"
          />
        </label>
        <button type="submit" className="self-start rounded border border-slate-400 px-3 py-1">
          {t("case.addNoteButton")}
        </button>
      </form>
      <ol className="space-y-3 text-sm" data-testid="timeline">
        {events.map((e) => (
          <li key={e.id} className="border-s-2 border-slate-300 ps-3">
            <p className="font-medium">
              {t(`events.${e.type as "created"}`)}
              {e.toStatus && e.type === "transition" ? (
                <>
                  :{" "}
                  {e.fromStatus
                    ? `${t(`statuses.${e.fromStatus as "new"}`)} ${t("events.arrow")} `
                    : ""}
                  {t(`statuses.${e.toStatus as "new"}`)}
                </>
              ) : null}
              {e.type === "notice" && e.data?.event ? (
                <>
                  : {t(`events.noticeEvents.${e.data.event as "sent"}`)} ·{" "}
                  <bdi dir="ltr" className="break-all font-normal">
                    {String(e.data.url)}
                  </bdi>
                </>
              ) : null}
              {e.type === "escalated" && e.data?.to ? (
                <>
                  : {t(`priorities.${e.data.from as "normal"}`)} {t("events.arrow")}{" "}
                  {t(`priorities.${e.data.to as "high"}`)}
                </>
              ) : null}
              {e.type === "priority" && e.data?.to ? (
                <>
                  : {t(`priorities.${e.data.to as "high"}`)}
                  {e.data.reason === "surge" ? ` (${t("events.surge")})` : ""}
                </>
              ) : null}
            </p>
            <p className="text-xs text-slate-600">
              {format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })} ·{" "}
              <span dir="ltr">{e.actorEmail ?? t("case.system")}</span>
            </p>
            {statementSlug(e) ? (
              <p className="mt-1">
                {t("events.byStatement")}{" "}
                <a href={`/${locale}/statements/${statementSlug(e)}`} className="underline">
                  <bdi dir="ltr">{statementSlug(e)}</bdi>
                </a>
              </p>
            ) : e.note ? (
              <p dir="auto" className="mt-1 whitespace-pre-wrap">
                {e.note}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
