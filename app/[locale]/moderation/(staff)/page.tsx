import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { DueBadge, PriorityBadge, StatusBadge } from "@/components/staff/badges";
import { QueueFilters } from "@/components/staff/queue-filters";
import { ViewChip } from "@/components/staff/view-chip";
import { LocaleLink as Link } from "@/components/ui/locale-link";
import { requireStaffPage } from "@/lib/auth/session";
import { holdsOf } from "@/lib/cases/commands/hold";
import { PRIORITIES } from "@/lib/cases/priority";
import { minutesLeft } from "@/lib/cases/deadlines";
import {
  COUNT_CAP,
  countByStatus,
  countNoticeRechecks,
  countOverdue,
  listQueue,
  queueFilterSchema,
} from "@/lib/cases/queue";
import { CASE_ROLES, CASE_STATUSES } from "@/lib/cases/workflow";
import { getReadDb } from "@/lib/db/client";
import { refusalMessage } from "@/lib/i18n/refusal";
import { bulkAction } from "./queue-actions";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "staff.queue" }))("title") };
}

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function QueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Search>;
}) {
  const { locale } = await params;
  const sp = await searchParams;
  const query = new URLSearchParams(
    Object.entries(sp).flatMap(([k, v]) => (first(v) ? [[k, first(v)!]] : [])),
  );
  const actor = await requireStaffPage(locale, [...CASE_ROLES], `/${locale}/moderation?${query}`);
  const filter = queueFilterSchema.parse(Object.fromEntries(query));
  const db = await getReadDb();
  const [{ rows, nextCursor }, counts, overdue, rechecks] = await Promise.all([
    listQueue(db, filter, actor.id),
    countByStatus(db, filter, actor.id),
    countOverdue(db, filter, actor.id),
    countNoticeRechecks(db),
  ]);
  const now = new Date();
  // Who is handling which of the rows shown (fifty lookups by key, apart from the queue's query).
  const holds = await holdsOf(
    db,
    rows.map((r) => r.id),
  );
  const t = await getTranslations({ locale, namespace: "staff" });
  const format = await getFormatter({ locale });
  const tp = await getTranslations({ locale, namespace: "platforms" });
  const bulk = first(sp.bulk);
  const withoutCursor = new URLSearchParams(query);
  withoutCursor.delete("cursor");
  withoutCursor.delete("bulk");
  const link = (extra: Record<string, string>) => {
    const q = new URLSearchParams(withoutCursor);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return `/moderation?${q}`;
  };
  const back = `/${locale}/moderation?${withoutCursor}`;
  const capped = (n: number) =>
    n > COUNT_CAP ? t("queue.countOver", { count: String(COUNT_CAP) }) : n;

  return (
    <div className="min-w-0 space-y-5">
      <h1 className="text-2xl font-bold">{t("queue.title")}</h1>

      <nav aria-label={t("queue.countsLabel")}>
        <ul className="flex flex-wrap gap-2 text-sm" data-testid="status-counts">
          {overdue || filter.due ? (
            <ViewChip
              locale={locale}
              href={link({ due: filter.due ? "" : "overdue" })}
              active={Boolean(filter.due)}
              tone="danger"
              testId="overdue"
              label={t("queue.overdue")}
              count={capped(overdue)}
            />
          ) : null}
          {rechecks || filter.notice ? (
            <ViewChip
              locale={locale}
              href={link({ notice: filter.notice ? "" : "recheck" })}
              active={Boolean(filter.notice)}
              tone="amber"
              testId="recheck"
              label={t("queue.noticeRecheck")}
              count={capped(rechecks)}
            />
          ) : null}
          {CASE_STATUSES.filter((s) => counts[s]).map((s) => (
            <li key={s}>
              <Link
                locale={locale}
                href={link({ status: s })}
                className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
              >
                {t(`statuses.${s}`)} <strong data-testid={`count-${s}`}>{capped(counts[s])}</strong>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <QueueFilters locale={locale} values={Object.fromEntries(withoutCursor)} />

      {bulk ? (
        <p
          role="status"
          data-testid="bulk-result"
          className={`rounded-lg p-3 ${bulk.startsWith("done") ? "bg-emerald-50 text-emerald-900" : "bg-danger-50 text-danger"}`}
        >
          {bulk.startsWith("done")
            ? t("queue.bulkDone", { count: Number(bulk.split(":")[1]) || 0 })
            : bulk === "error:none"
              ? t("queue.bulkNone")
              : refusalMessage(
                  await getTranslations({ locale, namespace: "staff.case" }),
                  bulk.split(":")[1],
                )}
        </p>
      ) : null}

      <form action={bulkAction} className="space-y-3">
        <input type="hidden" name="back" value={back} />
        <fieldset className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-300 bg-white p-3 text-sm">
          <legend className="px-1 font-semibold">{t("queue.bulkTitle")}</legend>
          <label className="flex flex-col">
            <span>{t("queue.bulkAction")}</span>
            <select name="op" className="rounded border border-slate-400 px-2 py-1.5">
              <option value="assign_me">{t("queue.bulkAssignMe")}</option>
              <option value="unassign">{t("queue.bulkUnassign")}</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={`priority:${p}`}>
                  {t("queue.bulkPriority", { priority: t(`priorities.${p}`) })}
                </option>
              ))}
              <option value="no_action">{t("queue.bulkNoAction")}</option>
              <option value="duplicate">{t("queue.bulkDuplicate")}</option>
            </select>
          </label>
          <label className="flex flex-col">
            <span>{t("queue.bulkSurvivor")}</span>
            <input
              name="survivorRef"
              inputMode="numeric"
              className="w-28 rounded border border-slate-400 px-2 py-1.5"
            />
          </label>
          <label className="flex min-w-48 flex-1 flex-col">
            <span>{t("queue.bulkNote")}</span>
            <input name="note" className="rounded border border-slate-400 px-2 py-1.5" />
          </label>
          <button
            type="submit"
            className="rounded bg-slate-900 px-3 py-1.5 font-semibold text-white"
          >
            {t("queue.bulkApply")}
          </button>
        </fieldset>

        {rows.length === 0 ? <p className="rounded-lg bg-white p-4">{t("queue.empty")}</p> : null}
        <ul
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
          data-testid="queue"
        >
          {rows.map((c) => (
            <li key={c.id} className="flex gap-3 p-3" data-testid="queue-row" data-case-ref={c.ref}>
              <input
                type="checkbox"
                name="caseId"
                value={c.id}
                aria-label={t("queue.select", { ref: c.ref })}
                className="mt-1.5 size-4"
              />
              <div className="min-w-0 flex-1 space-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <Link
                    locale={locale}
                    href={`/moderation/cases/${c.id}`}
                    className="font-semibold text-slate-900 underline"
                  >
                    {t("queue.caseRef", { ref: c.ref })}
                  </Link>
                  <StatusBadge status={c.status} label={t(`statuses.${c.status as "new"}`)} />
                  <PriorityBadge
                    priority={c.priority}
                    label={t(`priorities.${c.priority as "normal"}`)}
                  />
                  {minutesLeft(c, now) !== null ? (
                    <DueBadge
                      overdue={c.dueAt <= now}
                      label={t(c.dueAt <= now ? "deadlines.overdue" : "deadlines.due", {
                        when: format.relativeTime(c.dueAt, now),
                      })}
                    />
                  ) : null}
                  {holds.has(c.id) ? (
                    <span
                      data-testid="queue-held"
                      className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900"
                    >
                      {t.rich("queue.heldBy", {
                        who: () => <bdi dir="ltr">{holds.get(c.id)}</bdi>,
                      })}
                    </span>
                  ) : null}
                  <span className="text-xs text-slate-600">
                    {t(`kinds.${c.kind as "rumor"}`)} ·{" "}
                    {c.platforms.map((p) => tp(p as "x")).join("، ")}
                  </span>
                </div>
                <p className="line-clamp-2 text-sm" dir="auto">
                  {c.summary}
                </p>
                <p className="text-xs text-slate-600">
                  {t("queue.reports", { count: c.reportCount })} ·{" "}
                  {t("queue.firstReport", {
                    date: format.dateTime(c.firstReportAt, {
                      dateStyle: "medium",
                      timeStyle: "short",
                    }),
                  })}{" "}
                  · {t("queue.latestReport", { date: format.relativeTime(c.latestReportAt) })}
                  {c.assigneeEmail ? (
                    <>
                      {" "}
                      · <span dir="ltr">{c.assigneeEmail}</span>
                    </>
                  ) : null}
                </p>
              </div>
            </li>
          ))}
        </ul>
      </form>

      <nav className="flex gap-4">
        {filter.cursor ? (
          <Link locale={locale} href={link({})} className="underline">
            {t("queue.first")}
          </Link>
        ) : null}
        {nextCursor ? (
          <Link
            locale={locale}
            href={link({ cursor: nextCursor })}
            className="underline"
            data-testid="next-page"
          >
            {t("queue.next")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
