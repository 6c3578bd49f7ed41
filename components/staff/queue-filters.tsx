import { getTranslations } from "next-intl/server";
import { PRIORITIES } from "@/lib/cases/priority";
import { CASE_STATUSES } from "@/lib/cases/workflow";
import { ALL_CATEGORIES, KINDS } from "@/lib/reports/categories";
import { PLATFORMS } from "@/lib/text/canonical-url";

const field = "flex flex-col gap-1 text-sm";
const control = "rounded border border-slate-400 bg-white px-2 py-1.5";

// A plain GET form: filters live in the URL, so a view can be bookmarked and works without JS.
export async function QueueFilters({
  locale,
  values,
}: {
  locale: string;
  values: Record<string, string>;
}) {
  const t = await getTranslations({ locale, namespace: "staff" });
  const tc = await getTranslations({ locale, namespace: "categories" });
  const tp = await getTranslations({ locale, namespace: "platforms" });
  const select = (name: string, label: string, options: [string, string][], empty: string) => (
    <label className={field}>
      <span>{label}</span>
      <select name={name} defaultValue={values[name] ?? ""} className={control}>
        <option value="">{empty}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form
      method="get"
      action={`/${locale}/moderation`}
      className="rounded-lg border border-slate-200 bg-white p-3"
      aria-label={t("queue.filters")}
    >
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-6">
        {select(
          "kind",
          t("queue.kind"),
          KINDS.map((k) => [k, t(`kinds.${k}`)]),
          t("queue.any"),
        )}
        {select(
          "category",
          t("queue.category"),
          ALL_CATEGORIES.map((c) => [c, tc(c)]),
          t("queue.any"),
        )}
        {select(
          "platform",
          t("queue.platform"),
          PLATFORMS.map((p) => [p, tp(p)]),
          t("queue.any"),
        )}
        {select(
          "status",
          t("queue.status"),
          [
            ["all", t("queue.allStatuses")],
            ...CASE_STATUSES.map((s) => [s, t(`statuses.${s}`)] as [string, string]),
          ],
          t("queue.openStatuses"),
        )}
        {select(
          "priority",
          t("queue.priority"),
          PRIORITIES.map((p) => [p, t(`priorities.${p}`)]),
          t("queue.any"),
        )}
        {select(
          "assignee",
          t("queue.assignee"),
          [
            ["mine", t("queue.mine")],
            ["none", t("queue.unassigned")],
          ],
          t("queue.anyone"),
        )}
        <label className={field}>
          <span>{t("queue.from")}</span>
          <input type="date" name="from" defaultValue={values.from ?? ""} className={control} />
        </label>
        <label className={field}>
          <span>{t("queue.to")}</span>
          <input type="date" name="to" defaultValue={values.to ?? ""} className={control} />
        </label>
        <label className={`${field} col-span-2`}>
          <span>{t("queue.search")}</span>
          <input
            type="search"
            name="q"
            dir="auto"
            defaultValue={values.q ?? ""}
            placeholder={t("queue.searchPlaceholder")}
            className={control}
          />
        </label>
        {select(
          "sort",
          t("queue.sort"),
          [
            ["newest", t("queue.sortNewest")],
            ["most", t("queue.sortMost")],
          ],
          t("queue.sortPriority"),
        )}
      </div>
      <div className="mt-3 flex gap-3">
        <button
          type="submit"
          className="rounded bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white"
        >
          {t("queue.apply")}
        </button>
        <a href={`/${locale}/moderation`} className="px-3 py-1.5 text-sm underline">
          {t("queue.reset")}
        </a>
      </div>
    </form>
  );
}
