import { getFormatter, getTranslations } from "next-intl/server";
import type { Delay, DeskDelays } from "@/lib/stats/desk";

/**
 * The desk's delays per year, newest first: to a first action and to a decision per kind of
 * case, and from a takedown notice sent to the content removed per platform (hours: median,
 * 90th percentile, how many).
 */
export async function DeskDelaysView({ locale, delays }: { locale: string; delays: DeskDelays }) {
  const t = await getTranslations({ locale, namespace: "desk.figures" });
  const ts = await getTranslations({ locale, namespace: "staff" });
  const tp = await getTranslations({ locale, namespace: "platforms" });
  const format = await getFormatter({ locale });
  const hours = (h: number) => t("hours", { value: format.number(h) });
  const table = (id: string, title: string, rows: Delay[], label: (key: string) => string) => (
    <div>
      <h3 className="mb-1 text-sm font-semibold">{title}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <table className="w-full text-sm" data-testid={id}>
          <thead>
            <tr className="text-xs text-slate-600">
              <th scope="col" className="text-start font-normal">
                {t("year")}
              </th>
              <th scope="col" className="text-start font-normal">
                {t("of")}
              </th>
              <th scope="col" className="text-end font-normal">
                {t("median")}
              </th>
              <th scope="col" className="text-end font-normal">
                {t("p90")}
              </th>
              <th scope="col" className="text-end font-normal">
                {t("count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...rows].reverse().map((r) => (
              <tr key={`${r.year}:${r.key}`} className="border-t border-slate-100">
                <td className="py-1 tabular-nums">{r.year}</td>
                <td className="py-1">{label(r.key)}</td>
                <td className="py-1 text-end tabular-nums">{hours(r.median)}</td>
                <td className="py-1 text-end tabular-nums">{hours(r.p90)}</td>
                <td className="py-1 text-end tabular-nums">{format.number(r.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
  const kind = (k: string) => ts(`kinds.${k as "rumor"}`);
  return (
    <section
      className="space-y-4 rounded-lg bg-white p-4 shadow-sm"
      aria-labelledby="desk-delays-h"
    >
      <h2 id="desk-delays-h" className="font-semibold">
        {t("title")}
      </h2>
      {table("delay-first-action", t("firstAction"), delays.firstAction, kind)}
      {table("delay-decision", t("decision"), delays.decision, kind)}
      {table("delay-removal", t("removal"), delays.removal, (p) => tp(p as "x"))}
    </section>
  );
}
