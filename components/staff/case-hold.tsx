import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseHold } from "@/lib/cases/commands/hold";

type Action = (fd: FormData) => Promise<void>;

/**
 * Who is handling the case, at the top of its page: nobody (take it), you (until when, and
 * release), or someone else (read on; to act, take it over, which is audited). A publisher or
 * an admin may release anyone's hold.
 */
export async function CaseHoldBanner({
  locale,
  caseId,
  hold,
  actorId,
  canRelease,
  actions: { holdAction, releaseAction },
}: {
  locale: string;
  caseId: string;
  hold: CaseHold | null;
  actorId: string;
  /** A publisher or an admin: may release another member's hold. */
  canRelease: boolean;
  actions: { holdAction: Action; releaseAction: Action };
}) {
  const t = await getTranslations({ locale, namespace: "staff.case.hold" });
  const format = await getFormatter({ locale });
  const time = (d: Date) => format.dateTime(d, { timeStyle: "short" });
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="caseId" value={caseId} />
    </>
  );
  const mine = hold?.holderId === actorId;
  const button = "rounded px-3 py-1.5 text-sm font-semibold";
  return (
    <section
      aria-label={t("label")}
      data-testid="case-hold"
      data-held={hold ? (mine ? "mine" : "other") : "none"}
      className={`flex flex-wrap items-center gap-3 rounded-lg p-3 ${
        hold && !mine ? "border-2 border-amber-500 bg-amber-50" : "bg-white shadow-sm"
      }`}
    >
      <p className="flex-1">
        {!hold ? (
          t("nobody")
        ) : mine ? (
          t("mine", { since: time(hold.since), until: time(hold.until) })
        ) : (
          <>
            {t.rich("other", {
              who: () => (
                <bdi dir="ltr" className="font-semibold">
                  {hold.holderEmail}
                </bdi>
              ),
              since: time(hold.since),
            })}{" "}
            <span className="block text-sm text-slate-700">{t("otherHint")}</span>
          </>
        )}
      </p>
      {!mine ? (
        <form action={holdAction}>
          {hidden}
          {hold ? <input type="hidden" name="takeOver" value="1" /> : null}
          <button type="submit" className={`${button} bg-slate-900 text-white`}>
            {hold ? t("takeOver") : t("take")}
          </button>
        </form>
      ) : null}
      {hold && (mine || canRelease) ? (
        <form action={releaseAction}>
          {hidden}
          <button type="submit" className={`${button} border border-slate-400`}>
            {t("release")}
          </button>
        </form>
      ) : null}
    </section>
  );
}
