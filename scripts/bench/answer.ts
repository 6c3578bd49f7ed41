// The answer at once (issue 19): the statement lookup every report now makes at intake
// (iblagh_answer_for_report), timed alone in SQL on the bench database, for links and
// forwarded texts already reported, and for content never seen (the common case).
import pg from "pg";
import { ANSWERED_STATUSES } from "@/lib/cases/workflow";
import { PER_BAND } from "@/lib/cases/matching/text";
import { ANSWER_TYPES } from "@/lib/statements/schema";
import { add, ms, pct } from "./common";

export async function answerScenario(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const [{ n }] = (await pool.query(`select count(*)::int as n from reports`)).rows as {
    n: number;
  }[];
  const linked = (
    await pool.query(
      `select c.kind, l.canonical_url from report_links l join reports r on r.id = l.report_id
       join cases c on c.id = r.case_id order by random() limit 100`,
    )
  ).rows as { kind: string; canonical_url: string }[];
  const forwarded = (
    await pool.query(
      `select c.kind, r.description_norm, b.band_key from report_text_bands b
       join reports r on r.id = b.report_id join cases c on c.id = r.case_id
       order by random() limit 100`,
    )
  ).rows as { kind: string; description_norm: string; band_key: string }[];
  const time = async (item: object) => {
    const t = performance.now();
    await pool.query(`select iblagh_answer_for_report($1::jsonb, $2, $3, $4)`, [
      JSON.stringify(item),
      ANSWERED_STATUSES,
      ANSWER_TYPES,
      PER_BAND,
    ]);
    return performance.now() - t;
  };
  const base = { media: [], bands: [], urls: [], description_norm: "" };
  const seen: number[] = [];
  const unseen: number[] = [];
  for (const l of linked) {
    seen.push(await time({ ...base, kind: l.kind, urls: [l.canonical_url] }));
    unseen.push(
      await time({ ...base, kind: l.kind, urls: [`https://x.com/i/status/${Math.random()}`] }),
    );
  }
  for (const f of forwarded) {
    seen.push(
      await time({
        ...base,
        kind: f.kind,
        bands: [f.band_key],
        description_norm: f.description_norm,
      }),
    );
    unseen.push(await time({ ...base, kind: f.kind, bands: [f.band_key], description_norm: "x" }));
  }
  for (const [label, xs] of [
    ["a link or forwarded text reported before", seen],
    ["content never reported", unseen],
  ] as const)
    add(
      `Answer-at-once lookup at ${n.toLocaleString("en")} reports p95, ${label} (SQL, alone)`,
      `${ms(pct(xs, 95))} (median ${ms(pct(xs, 50))}, ${xs.length} lookups)`,
      "≤ 2 ms",
      pct(xs, 95) <= 2,
    );
  await pool.end();
}
