import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { Flash } from "@/components/staff/flash";
import { PublishConfirm } from "@/components/staff/publish-confirm";
import { StatementEditor } from "@/components/staff/statement-editor";
import { LocaleLink as Link } from "@/components/ui/locale-link";
import { requireStaffPage } from "@/lib/auth/session";
import { CASE_ROLES } from "@/lib/cases/workflow";
import { getDb } from "@/lib/db/client";
import { refusalMessage } from "@/lib/i18n/refusal";
import { getStatementForEdit } from "@/lib/statements/staff";
import {
  publishAction,
  returnAction,
  saveStatementAction,
  submitAction,
  withdrawAction,
} from "../actions";
import { labelled } from "@/lib/i18n/translate";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "staff.statement" }))("deskTitle") };
}

export default async function StatementEditPage({
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
    `/${locale}/moderation/statements/${id}`,
  );
  const s = await getStatementForEdit(await getDb(), id, actor);
  if (!s) notFound();
  const { done, error } = await searchParams;
  const t = await getTranslations({ locale, namespace: "staff.statement" });
  const messages = await getMessages();
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={s.id} />
    </>
  );
  const input = "rounded border border-slate-400 px-2 py-1.5";

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">
          {t("title", { type: t(`types.${s.type as "denial"}`), ref: s.caseRef })}
        </h1>
        <span
          data-testid="statement-status"
          data-status={s.status}
          className="rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold"
        >
          {t(`statuses.${s.status as "draft"}`)}
        </span>
        {s.amendment ? (
          <span className="rounded bg-amber-100 px-2 py-0.5 text-sm">
            {s.amendment === "draft" ? t("amendmentDraft") : t("amendmentReview")}
          </span>
        ) : null}
        <Link locale={locale} href={`/moderation/cases/${s.caseId}`} className="text-sm underline">
          {t("case", { ref: s.caseRef })}
        </Link>
        {s.slug ? (
          <a
            href={`/${locale}/statements/${s.slug}`}
            className="text-sm underline"
            data-testid="public-link"
          >
            {t("viewPublic")}
          </a>
        ) : null}
      </div>
      <p className="text-sm text-slate-600">
        {labelled(locale, t("author"))}
        <span dir="ltr">{s.authorEmail}</span>
      </p>
      {done ? (
        <Flash tone="done" testId="statement-done">
          {t.has(`doneWhat.${done}` as "done") ? t(`doneWhat.${done}` as "done") : t("done")}
          {done === "published" && s.slug ? (
            <>
              {" "}
              <a href={`/${locale}/statements/${s.slug}`} className="font-semibold underline">
                <bdi dir="ltr">{`/${locale}/statements/${s.slug}`}</bdi>
              </a>
            </>
          ) : null}
        </Flash>
      ) : null}
      {error ? (
        <Flash tone="error" testId="statement-error">
          {refusalMessage(t, error)}
        </Flash>
      ) : null}

      <NextIntlClientProvider
        messages={
          {
            staff: { statement: (messages.staff as Record<string, unknown>).statement },
            validation: messages.validation,
          } as never
        }
      >
        <StatementEditor
          id={s.id}
          locale={locale}
          content={s.content}
          claimSuggestion={s.caseSummary}
          appearances={s.appearances.map((a) => a.url).join("\n")}
          editable={s.editable}
          submit={!s.submittable ? "no" : s.status === "published" ? "with_note" : "yes"}
          action={saveStatementAction}
        />
      </NextIntlClientProvider>

      <section
        className="flex flex-wrap items-start gap-4 rounded-lg bg-white p-4 shadow-sm"
        data-testid="statement-steps"
      >
        {s.submittable && !s.editable ? (
          <form action={submitAction} noValidate className="flex flex-wrap items-end gap-2">
            {hidden}
            {s.status === "published" ? (
              <label className="flex flex-col text-sm">
                <span>{t("changeNote")}</span>
                <input name="changeNote" required className={input} />
              </label>
            ) : null}
            <button
              type="submit"
              className="rounded bg-slate-900 px-3 py-2 font-semibold text-white"
            >
              {t("submit")}
            </button>
          </form>
        ) : null}
        {s.inReview && s.ownWork ? <p className="text-sm text-amber-800">{t("ownWork")}</p> : null}
        {s.canApprove ? (
          <>
            <PublishConfirm
              locale={locale}
              content={s.content}
              published={s.publishedContent}
              slug={s.slug}
            >
              <form action={publishAction}>
                {hidden}
                <button
                  type="submit"
                  data-testid="publish-confirm"
                  className="rounded bg-emerald-700 px-3 py-2 font-semibold text-white"
                >
                  {t("publishConfirm")}
                </button>
              </form>
            </PublishConfirm>
            <form action={returnAction} noValidate className="flex flex-wrap items-end gap-2">
              {hidden}
              <label className="flex flex-col text-sm">
                <span>{t("returnNote")}</span>
                <input name="note" required className={input} />
              </label>
              <button type="submit" className="rounded border border-slate-400 px-3 py-2">
                {t("return")}
              </button>
            </form>
          </>
        ) : null}
        {s.canWithdraw ? (
          <form action={withdrawAction} noValidate className="flex flex-wrap items-end gap-2">
            {hidden}
            <label className="flex flex-col text-sm">
              <span>{t("withdrawReason")}</span>
              <input name="reason" required className={input} />
            </label>
            <button type="submit" className="rounded bg-red-800 px-3 py-2 font-semibold text-white">
              {t("withdraw")}
            </button>
          </form>
        ) : null}
      </section>
    </div>
  );
}
