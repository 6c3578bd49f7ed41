import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/ui/locale-link";
import { formatCheckpoint } from "@/lib/audit/chain";
import { AUDIT_ACTIONS, auditCheckpoint } from "@/lib/audit/log";
import { auditFilterSchema, listAudit } from "@/lib/audit/query";
import { requireStaffPage } from "@/lib/auth/session";
import { getReadDb } from "@/lib/db/client";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "staff.audit" }))("title") };
}

const control = "rounded border border-slate-400 bg-white px-2 py-1.5";

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { locale } = await params;
  await requireStaffPage(locale, ["admin"], `/${locale}/moderation/audit`);
  const sp = await searchParams;
  const filter = auditFilterSchema.parse(sp);
  const db = await getReadDb();
  const [{ rows, nextBefore }, head] = await Promise.all([
    listAudit(db, filter),
    auditCheckpoint(db),
  ]);
  const t = await getTranslations({ locale, namespace: "staff.audit" });
  const format = await getFormatter({ locale });
  const next = new URLSearchParams(
    Object.entries({ ...sp, before: String(nextBefore) }).filter((e): e is [string, string] =>
      Boolean(e[1]),
    ),
  );

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <section
        className="rounded-lg bg-white p-3 text-sm shadow-sm"
        aria-labelledby="audit-checkpoint"
        data-testid="audit-checkpoint"
      >
        <h2 id="audit-checkpoint" className="font-semibold">
          {t("checkpoint")}
        </h2>
        {head ? (
          <>
            <p className="mt-1">
              <code dir="ltr" className="break-all font-mono text-xs">
                {formatCheckpoint(head)}
              </code>
            </p>
            <p className="mt-2 text-slate-700">{t("checkpointHelp")}</p>
            <p className="mt-1">
              <code dir="ltr" className="break-all font-mono text-xs">
                {t("checkpointCommand", { checkpoint: formatCheckpoint(head) })}
              </code>
            </p>
          </>
        ) : (
          <p className="mt-1">{t("checkpointNone")}</p>
        )}
      </section>
      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 text-sm shadow-sm"
      >
        <label className="flex flex-col">
          <span>{t("action")}</span>
          <select name="action" defaultValue={filter.action ?? ""} className={control}>
            <option value="">{t("all")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`actions.${a}` as "title")}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span>{t("actor")}</span>
          <input
            name="actor"
            type="email"
            dir="ltr"
            defaultValue={filter.actor ?? ""}
            className={control}
          />
        </label>
        <label className="flex flex-col">
          <span>{t("from")}</span>
          <input name="from" type="date" defaultValue={filter.from ?? ""} className={control} />
        </label>
        <label className="flex flex-col">
          <span>{t("to")}</span>
          <input name="to" type="date" defaultValue={filter.to ?? ""} className={control} />
        </label>
        <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 font-semibold text-white">
          {t("apply")}
        </button>
      </form>
      {rows.length === 0 ? <p>{t("empty")}</p> : null}
      {/* Scrolls sideways on a narrow screen: a focusable, named region, so keyboards can too. */}
      <div
        role="region"
        aria-label={t("title")}
        tabIndex={0}
        className="overflow-x-auto rounded-lg bg-white shadow-sm"
      >
        <table className="w-full text-sm" data-testid="audit-table">
          <thead className="bg-slate-100 text-start">
            <tr>
              <th scope="col" className="p-2 text-start">
                {t("when")}
              </th>
              <th scope="col" className="p-2 text-start">
                {t("who")}
              </th>
              <th scope="col" className="p-2 text-start">
                {t("what")}
              </th>
              <th scope="col" className="p-2 text-start">
                {t("target")}
              </th>
              <th scope="col" className="p-2 text-start">
                {t("details")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100 align-top">
                <td className="whitespace-nowrap p-2">
                  {format.dateTime(r.at, { dateStyle: "short", timeStyle: "medium" })}
                </td>
                <td className="p-2" dir="ltr">
                  {r.actorEmail ?? "—"}
                </td>
                <td className="p-2" data-action={r.action}>
                  {t(`actions.${r.action}` as "title")}
                </td>
                <td className="p-2 font-mono text-xs" dir="ltr">
                  {r.targetType ? `${r.targetType}:${r.targetId ?? ""}` : "—"}
                </td>
                <td className="p-2 text-xs">
                  {/* Labelled fields, not JSON: values as typed, isolated in their own direction. */}
                  <dl className="grid grid-cols-[auto_1fr] gap-x-2">
                    {Object.entries(r.details ?? {}).map(([k, v]) => (
                      <div key={k} className="contents">
                        <dt className="text-slate-600">
                          {t.has(`fields.${k}` as "title") ? t(`fields.${k}` as "title") : k}
                        </dt>
                        <dd className="break-all">
                          <bdi dir="auto">{typeof v === "string" ? v : JSON.stringify(v)}</bdi>
                        </dd>
                      </div>
                    ))}
                  </dl>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {nextBefore ? (
        <Link locale={locale} href={`/moderation/audit?${next}`} className="underline">
          {t("next")}
        </Link>
      ) : null}
    </div>
  );
}
