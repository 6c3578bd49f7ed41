import { getFormatter, getTranslations } from "next-intl/server";
import { allowedEvents, noticeLocaleFor, type NoticeStatus } from "@/lib/desk/notice-states";
import { noticeJson, type CaseNotice } from "@/lib/desk/notices";
import { detectPlatform } from "@/lib/text/canonical-url";
import { LOCALES } from "@/lib/vocabulary";

type Action = (fd: FormData) => Promise<void>;

const STATUS_STYLE: Record<NoticeStatus, string> = {
  prepared: "bg-slate-100 text-slate-800",
  sent: "bg-sky-100 text-sky-900",
  acknowledged: "bg-violet-100 text-violet-900",
  removed: "bg-emerald-100 text-emerald-900",
  refused: "bg-danger-50 text-danger",
  no_answer: "bg-amber-100 text-amber-900",
};
const field = "rounded border border-slate-400 px-2 py-1.5";

/**
 * Takedown notices, one per reported link: prepare it (language, reasons), copy its text or
 * JSON into the platform's channel, record that it was sent, then what the platform did.
 */
export async function CaseNotices({
  locale,
  caseId,
  caseRef,
  links,
  notices,
  actions: { prepareNoticeAction, recordNoticeAction },
}: {
  locale: string;
  caseId: string;
  caseRef: number;
  links: string[];
  notices: CaseNotice[];
  actions: { prepareNoticeAction: Action; recordNoticeAction: Action };
}) {
  if (links.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "desk.notice" });
  const tp = await getTranslations({ locale, namespace: "platforms" });
  const tl = await getTranslations({ locale, namespace: "desk.languages" });
  const format = await getFormatter({ locale });
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const now = new Date();
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="caseId" value={caseId} />
    </>
  );
  return (
    <section className="space-y-4 rounded-lg bg-white p-4 shadow-sm" aria-labelledby="notices-h">
      <h2 id="notices-h" className="font-semibold">
        {t("title")}
      </h2>
      <ul className="space-y-4">
        {links.map((url) => {
          const n = notices.find((x) => x.canonicalUrl === url);
          const platform = n?.platform ?? detectPlatform(url) ?? "other";
          return (
            <li
              key={url}
              data-testid="notice"
              data-status={n?.status ?? "none"}
              className="space-y-2 border-t border-slate-100 pt-3 first:border-0 first:pt-0"
            >
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <bdi dir="ltr" className="break-all">
                  {url}
                </bdi>
                <span className="text-slate-600">{tp(platform as "x")}</span>
                {n ? (
                  <span
                    data-testid="notice-status"
                    className={`rounded px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[n.status as NoticeStatus]}`}
                  >
                    {t(`statuses.${n.status as NoticeStatus}`)}
                  </span>
                ) : null}
              </p>
              {!n ? (
                <form action={prepareNoticeAction} className="space-y-2 text-sm">
                  {hidden}
                  <input type="hidden" name="url" value={url} />
                  <label className="flex flex-col gap-1">
                    <span>{t("language")}</span>
                    <select
                      name="language"
                      defaultValue={noticeLocaleFor(platform)}
                      className={`${field} sm:max-w-xs`}
                    >
                      {LOCALES.map((l) => (
                        <option key={l} value={l}>
                          {tl(l)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="flex flex-col gap-1">
                    <span>{t("reasons")}</span>
                    <span className="text-xs text-slate-600">{t("reasonsHint")}</span>
                    <textarea name="reasons" rows={3} required minLength={20} className={field} />
                  </label>
                  <button
                    type="submit"
                    className="rounded bg-slate-900 px-3 py-1.5 font-semibold text-white"
                  >
                    {t("prepare")}
                  </button>
                </form>
              ) : (
                <>
                  <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs">
                    {n.sentAt ? (
                      <div>
                        <dt className="text-slate-600">{t("sentOn")}</dt>
                        <dd>
                          {date(n.sentAt)} · <bdi dir="ltr">{n.sentTo}</bdi>
                        </dd>
                      </div>
                    ) : null}
                    {n.reference ? (
                      <div>
                        <dt className="text-slate-600">{t("reference")}</dt>
                        <dd>
                          <bdi dir="ltr">{n.reference}</bdi>
                        </dd>
                      </div>
                    ) : null}
                    {n.recheckAt ? (
                      <div>
                        <dt className="text-slate-600">{t("recheck")}</dt>
                        <dd
                          data-testid="notice-recheck"
                          className={n.recheckAt <= now ? "font-semibold text-danger" : undefined}
                        >
                          {date(n.recheckAt)}
                        </dd>
                      </div>
                    ) : null}
                  </dl>
                  <details className="text-sm">
                    <summary className="cursor-pointer underline">{t("text")}</summary>
                    <textarea
                      readOnly
                      rows={10}
                      dir={n.locale === "ar" ? "rtl" : "ltr"}
                      lang={n.locale}
                      data-testid="notice-text"
                      className={`${field} mt-2 w-full font-mono text-xs`}
                      defaultValue={n.body}
                    />
                  </details>
                  <details className="text-sm">
                    <summary className="cursor-pointer underline">{t("json")}</summary>
                    <pre
                      dir="ltr"
                      data-testid="notice-json"
                      className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 text-start text-xs break-all whitespace-pre-wrap"
                    >
                      {JSON.stringify(noticeJson(n, caseRef, n.creatorEmail), null, 2)}
                    </pre>
                  </details>
                  {allowedEvents(n.status as NoticeStatus).length ? (
                    <form
                      action={recordNoticeAction}
                      className="flex flex-wrap items-end gap-2 text-sm"
                    >
                      {hidden}
                      <input type="hidden" name="noticeId" value={n.id} />
                      {n.status === "prepared" ? (
                        <label className="flex flex-col gap-1">
                          <span>{t("sentTo")}</span>
                          <input name="sentTo" required dir="ltr" className={field} />
                        </label>
                      ) : null}
                      <label className="flex flex-col gap-1">
                        <span>{t("referenceOptional")}</span>
                        <input name="reference" dir="ltr" className={`${field} w-36`} />
                      </label>
                      {allowedEvents(n.status as NoticeStatus).map((e) => (
                        <button
                          key={e}
                          type="submit"
                          name="event"
                          value={e}
                          formNoValidate={e !== "sent"}
                          className="rounded border border-slate-400 px-3 py-1.5 font-semibold"
                        >
                          {t(`events.${e}`)}
                        </button>
                      ))}
                    </form>
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
