import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations } from "next-intl/server";
import { CaseActions } from "@/components/staff/case-actions";
import { CaseStatements } from "@/components/staff/case-statements";
import { CaseTimeline } from "@/components/staff/case-timeline";
import { PriorityBadge, StatusBadge } from "@/components/staff/badges";
import { GuardedLink } from "@/components/staff/guarded-link";
import { RevealContact } from "@/components/staff/reveal-contact";
import { LocaleLink as Link } from "@/components/ui/locale-link";
import { requireStaffPage } from "@/lib/auth/session";
import { getCaseDetail, listAssignableStaff } from "@/lib/cases/detail";
import { CASE_ROLES, isOpen } from "@/lib/cases/workflow";
import { getDb } from "@/lib/db/client";
import { statementsOfCase } from "@/lib/statements/staff";
import { isUuid } from "@/lib/validation";
import { refusalMessage } from "@/lib/i18n/refusal";
import { pickMessages } from "@/lib/i18n/pick";
import { createDraftAction } from "../../statements/actions";
import {
  assignAction,
  mergeAction,
  noteAction,
  priorityAction,
  revealAction,
  splitAction,
  transitionAction,
} from "./actions";
import { lookAlikeHost } from "@/lib/text/readable-url";
import { labelled } from "@/lib/i18n/translate";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string; id: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "staff.queue" }))("title") };
}

export default async function CasePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ done?: string; error?: string }>;
}) {
  const { locale, id } = await params;
  const actor = await requireStaffPage(
    locale,
    [...CASE_ROLES],
    `/${locale}/moderation/cases/${id}`,
  );
  const db = await getDb();
  const [c, staff, caseStatements] = await Promise.all([
    getCaseDetail(db, id),
    listAssignableStaff(db),
    isUuid(id) ? statementsOfCase(db, id) : [],
  ]);
  if (!c) notFound();
  const { done, error } = await searchParams;
  const t = await getTranslations({ locale, namespace: "staff" });
  const tc = await getTranslations({ locale, namespace: "categories" });
  const tp = await getTranslations({ locale, namespace: "platforms" });
  const format = await getFormatter({ locale });
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="caseId" value={c.id} />
    </>
  );
  const messages = await getMessages();
  const violent = c.kind === "violent_content";
  const linkLabels = {
    summary: t("case.violentLink.summary"),
    explain: t("case.violentLink.explain"),
    open: t("case.violentLink.open"),
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold" data-testid="case-title">
          {t("case.title", { ref: c.ref })}
        </h1>
        <StatusBadge status={c.status} label={t(`statuses.${c.status as "new"}`)} />
        <PriorityBadge priority={c.priority} label={t(`priorities.${c.priority as "normal"}`)} />
        <span className="text-sm text-slate-600">
          {t(`kinds.${c.kind as "rumor"}`)} · {tc(c.category as "violence")}
        </span>
      </div>
      {done ? (
        <p
          role="status"
          data-testid="case-done"
          className="rounded bg-emerald-50 p-3 text-emerald-900"
        >
          {t("case.done")}
        </p>
      ) : null}
      {error ? (
        <p role="alert" data-testid="case-error" className="rounded bg-danger-50 p-3 text-danger">
          {refusalMessage(await getTranslations({ locale, namespace: "staff.case" }), error)}
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
            <h2 className="font-semibold">{t("case.summary")}</h2>
            <p dir="auto">{c.summary}</p>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-slate-600">{t("case.reportCount")}</dt>
                <dd data-testid="report-count">{c.reportCount}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("case.firstReport")}</dt>
                <dd>{date(c.firstReportAt)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("case.latestReport")}</dt>
                <dd>{date(c.latestReportAt)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("case.platforms")}</dt>
                <dd>{c.platforms.map((p) => tp(p as "x")).join("، ")}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("case.assignee")}</dt>
                <dd dir="ltr" className="text-start">
                  {c.assigneeEmail ?? t("case.nobody")}
                </dd>
              </div>
            </dl>
            <div className="text-sm">
              <h3 className="text-slate-600">{t("case.links")}</h3>
              {c.links.length ? (
                <ul className="list-disc space-y-1 ps-5">
                  {c.links.map((l) => (
                    <li key={l} className="text-start">
                      <GuardedLink url={l} violent={violent} labels={linkLabels} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t("case.noLinks")}</p>
              )}
            </div>
            {c.mergedIntoId && c.mergedIntoRef ? (
              <p>
                <Link
                  locale={locale}
                  href={`/moderation/cases/${c.mergedIntoId}`}
                  className="underline"
                >
                  {t("case.mergedInto", { ref: c.mergedIntoRef })}
                </Link>
              </p>
            ) : null}
            {c.referralDate ? (
              <p className="text-sm">
                {t("case.referral", {
                  date: c.referralDate,
                  unit: c.referralUnit ?? "",
                  reference: c.referralReference ?? "",
                })}
              </p>
            ) : null}
          </section>

          <section className="space-y-3" aria-labelledby="reports-heading">
            <h2 id="reports-heading" className="text-lg font-semibold">
              {t("case.reportsTitle")}
            </h2>
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
                  <p className="text-xs text-slate-600">
                    {t("case.reportedAt", { date: date(r.submittedAt) })} · {tp(r.platform as "x")}{" "}
                    · {labelled(locale, t("case.locale"))}
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
                        {hidden}
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
        </div>

        <div className="space-y-6">
          <CaseActions
            locale={locale}
            c={c}
            staff={staff}
            actorId={actor.id}
            actions={{ transitionAction, assignAction, priorityAction }}
          />
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
                    {hidden}
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
          <CaseStatements
            locale={locale}
            caseId={c.id}
            kind={c.kind}
            existing={caseStatements}
            createDraftAction={createDraftAction}
          />
          <CaseTimeline locale={locale} caseId={c.id} events={c.events} noteAction={noteAction} />
        </div>
      </div>
    </div>
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
