import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations } from "next-intl/server";
import { EvidenceImage } from "@/components/staff/evidence-image";
import { GuardedLink } from "@/components/staff/guarded-link";
import { RevealContact } from "@/components/staff/reveal-contact";
import type { CaseDetail } from "@/lib/cases/detail";
import { isOpen } from "@/lib/cases/workflow";
import type { RevealState } from "@/lib/http/action-state";
import { pickMessages } from "@/lib/i18n/pick";
import { labelled } from "@/lib/i18n/translate";
import { lookAlikeHost } from "@/lib/text/readable-url";

/** The reports of a case, each with its links, its contact behind a reason, and a split. */
export async function CaseReports({
  locale,
  c,
  unblurRumorImages = false,
  actions: { revealAction, splitAction },
}: {
  locale: string;
  c: CaseDetail;
  /** The member's own setting: a rumour's pictures without the blur (never violent content's). */
  unblurRumorImages?: boolean;
  actions: {
    revealAction: (s: RevealState, fd: FormData) => Promise<RevealState>;
    splitAction: (fd: FormData) => Promise<void>;
  };
}) {
  const t = await getTranslations({ locale, namespace: "staff" });
  const tp = await getTranslations({ locale, namespace: "platforms" });
  const format = await getFormatter({ locale });
  const messages = await getMessages();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const violent = c.kind === "violent_content";
  const evidenceLabels = {
    show: t("case.evidence.show"),
    hide: t("case.evidence.hide"),
    openFull: t("case.evidence.openFull"),
    sha: t("case.evidence.sha"),
    blurred: t("case.evidence.blurred"),
  };
  const hasImages = c.reports.some((r) => r.images.length > 0);
  const linkLabels = {
    summary: t("case.violentLink.summary"),
    explain: t("case.violentLink.explain"),
    open: t("case.violentLink.open"),
  };
  return (
    <section className="space-y-3" aria-labelledby="reports-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="reports-heading" className="text-lg font-semibold">
          {t("case.reportsTitle")}
        </h2>
        {hasImages ? (
          <a
            href={`/api/staff/cases/${c.id}/evidence`}
            download
            data-testid="export-evidence"
            className="rounded border border-slate-400 px-3 py-1 text-sm underline"
          >
            {t("case.evidence.export")}
          </a>
        ) : null}
      </div>
      <ul className="space-y-3">
        {c.reports.map((r) => (
          <li
            key={r.id}
            className="space-y-2 rounded-lg bg-white p-4 shadow-sm"
            data-testid="case-report"
          >
            <p dir="auto" className="whitespace-pre-wrap">
              {r.description}
            </p>
            {r.links.length ? (
              <ul className="space-y-1 text-sm">
                {r.links.map((l) => (
                  <li key={l.url} className="text-start">
                    <GuardedLink url={l.url} violent={violent} labels={linkLabels} />
                    <LookAlike url={l.url} label={t("case.lookAlikeHost")} />
                  </li>
                ))}
              </ul>
            ) : null}
            {r.images.length ? (
              <div className="flex flex-wrap gap-3" aria-label={t("case.evidence.title")}>
                {r.images.map((m) => (
                  <EvidenceImage
                    key={m.sha256}
                    sha256={m.sha256}
                    alt={t("case.evidence.title")}
                    startShown={unblurRumorImages && !violent}
                    labels={evidenceLabels}
                  />
                ))}
              </div>
            ) : null}
            <p className="text-xs text-slate-600">
              {t("case.reportedAt", { date: date(r.submittedAt) })} · {tp(r.platform as "x")} ·{" "}
              {labelled(locale, t("case.locale"))}
              {r.locale}
              {r.seenAt ? (
                <>
                  {" "}
                  ·{" "}
                  {t("case.seenAt", {
                    date: format.dateTime(r.seenAt, { dateStyle: "medium" }),
                  })}
                </>
              ) : null}{" "}
              · {r.hasContact ? t("case.hasContact") : t("case.anonymous")}
            </p>
            {r.hasContact ? (
              <NextIntlClientProvider
                messages={{ staff: pickMessages(messages.staff as never, ["case"]) }}
              >
                <RevealContact reportId={r.id} action={revealAction} />
              </NextIntlClientProvider>
            ) : null}
            {c.reportCount > 1 && isOpen(c.status) ? (
              <details className="text-sm">
                <summary className="cursor-pointer underline">{t("case.split")}</summary>
                <form
                  action={splitAction}
                  noValidate
                  className="mt-2 flex flex-wrap items-end gap-2"
                >
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="caseId" value={c.id} />
                  <input type="hidden" name="reportId" value={r.id} />
                  <label className="flex flex-1 flex-col">
                    <span>{t("case.splitNote")}</span>
                    <input
                      name="note"
                      required
                      className="rounded border border-slate-400 px-2 py-1"
                    />
                  </label>
                  <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-white">
                    {t("case.split")}
                  </button>
                </form>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A host that may pass for another is shown with its punycode beside it. */
function LookAlike({ url, label }: { url: string; label: string }) {
  const ascii = lookAlikeHost(url);
  if (!ascii) return null;
  return (
    <span data-testid="look-alike-host" className="ms-2 rounded bg-amber-100 px-1 text-amber-900">
      <bdi dir="auto">{label}</bdi>: <bdi dir="ltr">{ascii}</bdi>
    </span>
  );
}
