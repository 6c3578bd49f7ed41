import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CaseActions } from "@/components/staff/case-actions";
import { CaseHoldBanner } from "@/components/staff/case-hold";
import { CaseNotices } from "@/components/staff/case-notices";
import { CaseRelated } from "@/components/staff/case-related";
import { CaseReports } from "@/components/staff/case-reports";
import { CaseStatements } from "@/components/staff/case-statements";
import { CaseTimeline } from "@/components/staff/case-timeline";
import { PriorityBadge, StatusBadge } from "@/components/staff/badges";
import { GuardedLink } from "@/components/staff/guarded-link";
import { LocaleLink as Link } from "@/components/ui/locale-link";
import { hasRole } from "@/lib/auth/actor";
import { requireStaffPage } from "@/lib/auth/session";
import { holdOf } from "@/lib/cases/commands/hold";
import { minutesLeft } from "@/lib/cases/deadlines";
import { getCaseDetail, listAssignableStaff } from "@/lib/cases/detail";
import { CASE_ROLES } from "@/lib/cases/workflow";
import { getDb } from "@/lib/db/client";
import { noticesOfCase } from "@/lib/desk/notices";
import { templateOf, type CaseKind } from "@/lib/desk/templates";
import type { Locale } from "@/lib/i18n/config";
import { statementsOfCase } from "@/lib/statements/staff";
import { isUuid } from "@/lib/validation";
import { refusalMessage } from "@/lib/i18n/refusal";
import { createDraftAction } from "../../statements/actions";
import {
  assignAction,
  holdAction,
  mergeAction,
  noteAction,
  prepareNoticeAction,
  recordNoticeAction,
  priorityAction,
  releaseAction,
  revealAction,
  splitAction,
  transitionAction,
} from "./actions";

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
  const [c, staff, caseStatements, hold, notices] = await Promise.all([
    getCaseDetail(db, id),
    listAssignableStaff(db),
    isUuid(id) ? statementsOfCase(db, id) : [],
    isUuid(id) ? holdOf(db, id) : null,
    isUuid(id) ? noticesOfCase(db, id) : [],
  ]);
  if (!c) notFound();
  const { done, error } = await searchParams;
  const t = await getTranslations({ locale, namespace: "staff" });
  const tc = await getTranslations({ locale, namespace: "categories" });
  const tp = await getTranslations({ locale, namespace: "platforms" });
  const format = await getFormatter({ locale });
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const violent = c.kind === "violent_content";
  const now = new Date();
  const due = minutesLeft(c, now);
  const closing = await templateOf(db, "closing", c.kind as CaseKind, locale as Locale);
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
      <CaseHoldBanner
        locale={locale}
        caseId={c.id}
        hold={hold}
        actorId={actor.id}
        canRelease={hasRole(actor, "publisher", "admin")}
        actions={{ holdAction, releaseAction }}
      />
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
        <div className="min-w-0 space-y-6 lg:col-span-2">
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
              {due !== null ? (
                <div>
                  <dt className="text-slate-600">
                    {t(c.firstActionAt ? "deadlines.decision" : "deadlines.firstAction")}
                  </dt>
                  <dd
                    data-testid="case-due"
                    data-overdue={due < 0}
                    className={due < 0 ? "font-semibold text-danger" : undefined}
                  >
                    {t(due < 0 ? "deadlines.overdue" : "deadlines.due", {
                      when: format.relativeTime(c.dueAt, now),
                    })}
                  </dd>
                </div>
              ) : null}
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
                      {notices.some((n) => n.canonicalUrl === l && n.status === "removed") ? (
                        <span
                          data-testid="link-down"
                          className="ms-2 rounded bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900"
                        >
                          {t("case.linkDown")}
                        </span>
                      ) : null}
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

          <CaseNotices
            locale={locale}
            caseId={c.id}
            caseRef={c.ref}
            links={c.links}
            notices={notices}
            actions={{ prepareNoticeAction, recordNoticeAction }}
          />
          <CaseReports
            locale={locale}
            c={c}
            unblurRumorImages={actor.unblurRumorImages}
            actions={{ revealAction, splitAction }}
          />
        </div>

        <div className="min-w-0 space-y-6">
          <CaseActions
            locale={locale}
            c={c}
            staff={staff}
            actorId={actor.id}
            closingNote={closing.body}
            actions={{ transitionAction, assignAction, priorityAction }}
          />
          <CaseRelated locale={locale} c={c} mergeAction={mergeAction} />
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
