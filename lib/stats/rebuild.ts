import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/connect";

/**
 * Recomputes the yearly roll-up from the data itself, for data that did not come through the
 * app's services (bulk loads, imports of older records). The app keeps it current by itself.
 */
export async function rebuildRollup(db: Db, timeZone: string): Promise<void> {
  const y = (col: string) =>
    sql.raw(`extract(year from ${col} at time zone '${timeZone.replace(/'/g, "")}')::smallint`);
  const m = (col: string) =>
    sql.raw(`'month:' || to_char(${col} at time zone '${timeZone.replace(/'/g, "")}', 'MM')`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from stats_yearly`);
    await tx.execute(sql`delete from case_outcomes`);
    const add = (q: ReturnType<typeof sql>) =>
      tx.execute(
        sql`insert into stats_yearly (year, metric, dimension, value) ${q} on conflict (year, metric, dimension, shard) do update set value = stats_yearly.value + excluded.value`,
      );
    for (const [dimSql] of [
      [sql`''`],
      [m("submitted_at")],
      [sql`'kind:' || kind`],
      [sql`'category:' || category`],
      [sql`'platform:' || platform`],
      [sql`'locale:' || locale`],
    ] as const) {
      await add(
        sql`select ${y("submitted_at")}, 'reports', ${dimSql}, count(*) from reports group by 1, 3`,
      );
    }
    // Reports with pictures, and those a statement answered at once: the year and its month.
    // (Which reports a picture joined to a case is not kept apart from the counter.)
    for (const [metric, where] of [
      [
        "reports_with_images",
        sql`exists (select 1 from report_media rm where rm.report_id = r.id)`,
      ],
      ["reports_answered_at_intake", sql`r.answered_by is not null`],
    ] as const)
      for (const dimSql of [sql`''`, m("r.submitted_at")])
        await add(
          sql`select ${y("r.submitted_at")}, ${metric}, ${dimSql}, count(*) from reports r where ${where} group by 1, 3`,
        );
    await add(
      sql`select ${y("first_report_at")}, 'cases_opened', '', count(*) from cases group by 1`,
    );
    await add(
      sql`select ${y("first_report_at")}, 'cases_opened', ${m("first_report_at")}, count(*) from cases group by 1, 3`,
    );
    await add(
      sql`select ${y("first_report_at")}, 'reports_joined', '', sum(greatest(report_count - 1, 0)) from cases where status <> 'duplicate' group by 1`,
    );
    await add(
      sql`select ${y("published_at")}, 'statements_' || type, '', count(*) from statements where published_at is not null group by 1, 2`,
    );
    await add(
      sql`select ${y("published_at")}, 'statements_' || type, ${m("published_at")}, count(*) from statements where published_at is not null group by 1, 2, 3`,
    );
    await add(
      sql`select ${y("published_at")}, 'statements_withdrawn', '', count(*) from statements where status = 'withdrawn' group by 1`,
    );
    await add(
      sql`select ${y("expertise_at")}, 'violent_detected', '', count(*) from cases where expertise_at is not null group by 1`,
    );
    await add(
      sql`select ${y("expertise_at")}, 'violent_detected', ${m("expertise_at")}, count(*) from cases where expertise_at is not null group by 1, 3`,
    );
    await add(
      sql`select ${y("expertise_at")}, 'judicial_referrals', '', count(*) from cases where expertise_at is not null and status = 'referred' group by 1`,
    );
    await tx.execute(sql`insert into case_outcomes (case_id, kind, year, hours, at)
      select s.case_id, 'statement', ${y("s.published_at")}, greatest(0, round(extract(epoch from s.published_at - c.first_report_at) / 3600))::int, s.published_at
      from statements s join cases c on c.id = s.case_id where s.published_at is not null and s.type <> 'communique' on conflict do nothing`);
    await tx.execute(sql`insert into case_outcomes (case_id, kind, year, hours, at)
      select c.id, 'referral', ${y("c.closed_at")}, greatest(0, round(extract(epoch from c.closed_at - c.first_report_at) / 3600))::int, c.closed_at
      from cases c where c.status = 'referred' and c.closed_at is not null on conflict do nothing`);
    await add(
      sql`select year, 'outcome_hours', 'h:' || hours, count(*) from case_outcomes group by 1, 3`,
    );
  });
}
