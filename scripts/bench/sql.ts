// Issue 6, scenarios 2–4 in SQL: case matching, the moderator queue and the yearly figures,
// on the generated database. Each scenario runs 3 times on a fresh connection (so the
// PostgreSQL backend's peak RSS is the scenario's own) and reports the median run.
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { findCasesByText } from "@/lib/cases/matching/text";
import { holdsOf } from "@/lib/cases/commands/hold";
import { countByStatus, countOverdue, listQueue, type QueueFilter } from "@/lib/cases/queue";
import { OPEN_STATUSES } from "@/lib/cases/workflow";
import type { Db } from "@/lib/db/connect";
import * as schema from "@/lib/db/schema";
import { getYearFigures } from "@/lib/stats/figures";
import { bandKeys } from "@/lib/text/minhash";
import { normalizeText } from "@/lib/text/normalize";
import { add, median, ms, pct, rssOf, timed } from "./common";

type Sample = (db: Db, i: number) => Promise<unknown>;
interface Measured {
  p50: number;
  p95: number;
  p99: number;
  /** Sum of EXPLAIN ANALYZE execution times of the statements one call runs. */
  explainMs: number;
  peakMb: number;
}

function connect(url: string) {
  const captured: { query: string; params: unknown[] }[] = [];
  const state = { capturing: false };
  const pool = new Pool({ connectionString: url, max: 1 });
  const logger = {
    logQuery: (query: string, params: unknown[]) =>
      void (state.capturing && captured.push({ query, params })),
  };
  const db = drizzle({ client: pool, schema, casing: "snake_case", logger }) as unknown as Db;
  return { pool, db, captured, state };
}

async function measure(
  url: string,
  fn: Sample,
  samples: number,
  explain: boolean,
): Promise<Measured> {
  const runs: Measured[] = [];
  for (let run = 0; run < 3; run++) {
    const { pool, db, captured, state } = connect(url);
    const [{ pid }] = (await pool.query("select pg_backend_pid() as pid")).rows as {
      pid: number;
    }[];
    for (let i = 0; i < 3; i++) await fn(db, i);
    const times: number[] = [];
    for (let i = 0; i < samples; i++) times.push(await timed(() => fn(db, i)));
    let explainMs = 0;
    if (explain) {
      state.capturing = true;
      await fn(db, 0);
      state.capturing = false;
      for (const q of captured) {
        const r = await pool.query(`explain (analyze, format json) ${q.query}`, q.params);
        explainMs += (r.rows[0] as { "QUERY PLAN": { "Execution Time": number }[] })[
          "QUERY PLAN"
        ][0]["Execution Time"];
      }
    }
    runs.push({
      p50: pct(times, 50),
      p95: pct(times, 95),
      p99: pct(times, 99),
      explainMs,
      peakMb: rssOf(pid, "VmHWM"),
    });
    await pool.end();
  }
  const mid = (k: keyof Measured) => median(runs.map((r) => r[k]));
  return {
    p50: mid("p50"),
    p95: mid("p95"),
    p99: mid("p99"),
    explainMs: mid("explainMs"),
    peakMb: Math.max(...runs.map((r) => r.peakMb)),
  };
}

const rss = (m: Measured) => (m.peakMb ? `, backend peak RSS ${m.peakMb.toFixed(0)} MB` : "");
const roundTrip = (m: Measured) => `round trip p50 ${ms(m.p50)}, p99 ${ms(m.p99)}${rss(m)}`;

/** A staff member who may see the queue, and the cursor of its page 200 (status "all"). */
export interface QueueInputs {
  actor: string;
  /** The account's session epoch: a session minted without it is refused (signed out). */
  epoch: number;
  page200Cursor: string | undefined;
}

export async function queueInputs(url: string): Promise<QueueInputs> {
  const { pool, db } = connect(url);
  const [staff] = (
    await db.execute(
      sql`select id, session_epoch as epoch from staff_users order by (email = 'generator@bench.iblagh.local') desc limit 1`,
    )
  ).rows as { id: string; epoch: number }[];
  const actor = staff?.id ?? "00000000-0000-0000-0000-000000000000";
  const epoch = Number(staff?.epoch ?? 0);
  let cursor: string | undefined;
  for (let page = 1; page < 200; page++) {
    const r = await listQueue(db, { status: "all", cursor } as QueueFilter, actor);
    if (!r.nextCursor) break;
    cursor = r.nextCursor;
  }
  await pool.end();
  return { actor, epoch, page200Cursor: cursor };
}

/** Returns what the HTTP scenarios reuse: a staff member and the cursor of queue page 200. */
export async function sqlScenarios(url: string): Promise<QueueInputs> {
  const { pool, db } = connect(url);
  const [{ n: reportCount }] = (await db.execute(sql`select count(*)::int as n from reports`))
    .rows as { n: number }[];
  add("Database size", `${reportCount.toLocaleString("en")} reports`, "1,000,000", null);

  // 2. Case matching, as intake does it: by link (iblagh_case_for_links, called for each report
  // with links), and by text for forwarded messages.
  const links = (
    await db.execute(
      sql`select canonical_url as u, c.kind from case_links l join cases c on c.id = l.case_id order by random() limit 200`,
    )
  ).rows as { u: string; kind: string }[];
  const byLink: Sample = (d, i) => {
    const l = links[i % links.length];
    return d.execute(
      sql`select iblagh_case_for_links(${JSON.stringify([l.u])}::jsonb, ${l.kind}, ${`{${OPEN_STATUSES.join(",")}}`}::text[])`,
    );
  };
  const link = await measure(url, byLink, links.length, false);
  add(
    "Case match by link p95",
    `${ms(link.p95)}; p50 ${ms(link.p50)}, p99 ${ms(link.p99)}${rss(link)}`,
    "≤ 20 ms",
    link.p95 <= 20,
  );
  const texts = (
    await db.execute(
      sql`select r.description_norm as n, r.kind from report_text_bands b join reports r on r.id = b.report_id order by random() limit 200`,
    )
  ).rows as { n: string; kind: string }[];
  const byText: Sample = (d, i) => {
    const t = texts[i % texts.length];
    return findCasesByText(d, {
      kind: t.kind,
      norm: t.n,
      bandKeys: bandKeys(t.n),
      minScore: 0.75,
      limit: 1,
    });
  };
  const text = await measure(url, byText, texts.length, false);
  add(
    "Case match by text p95",
    `${ms(text.p95)}; p50 ${ms(text.p50)}, p99 ${ms(text.p99)}${rss(text)}`,
    "≤ 20 ms",
    text.p95 <= 20,
  );

  await pool.end();

  // 3. The queue, as its page runs it, and 4. the yearly figures: SQL time from EXPLAIN ANALYZE.
  const inputs = await queueInputs(url);
  const { actor, page200Cursor: cursor } = inputs;
  const year = new Date().getUTCFullYear();
  const views: [string, Sample][] = [
    ["Queue default view", (d) => listQueue(d, {} as QueueFilter, actor)],
    [
      "Queue filtered view",
      (d) =>
        listQueue(
          d,
          { kind: "rumor", platform: "facebook", priority: "high" } as QueueFilter,
          actor,
        ),
    ],
    [
      "Queue page 200, keyset",
      (d) => listQueue(d, { status: "all", cursor } as QueueFilter, actor),
    ],
    ["Queue counts per status", (d) => countByStatus(d, {} as QueueFilter, actor)],
    ["Queue overdue view", (d) => listQueue(d, { due: "overdue" } as QueueFilter, actor)],
    ["Queue overdue count", (d) => countOverdue(d, {} as QueueFilter, actor)],
    [
      "Queue default view with its holds",
      async (d) =>
        holdsOf(
          d,
          (await listQueue(d, {} as QueueFilter, actor)).rows.map((r) => r.id),
        ),
    ],
    ["Queue text search", (d) => listQueue(d, { q: "الدار البيضاء" } as QueueFilter, actor)],
    // Too rare to fill a page from the window: the trigram index over open cases answers.
    [
      "Queue text search, rare phrase",
      (d) => listQueue(d, { q: "السوق رقم 777" } as QueueFilter, actor),
    ],
    ["Yearly figures, 6 years", (d) => getYearFigures(d, year - 5, year)],
  ];
  // Some of the first page's cases held (the holds query then finds rows, as on a busy desk).
  {
    const { pool } = connect(url);
    await pool.query(
      `insert into case_holds (case_id, holder_id, since, touched_at)
       select id, $1, now(), now() from cases where status in (${OPEN_STATUSES.map((s) => `'${s}'`).join(", ")})
       order by queue_rank, due_at limit 20 on conflict (case_id) do update set touched_at = now()`,
      [actor],
    );
    await pool.end();
  }
  for (const [name, fn] of views) {
    const m = await measure(url, fn, 20, true);
    add(
      `${name} (EXPLAIN ANALYZE)`,
      `${ms(m.explainMs)}; ${roundTrip(m)}`,
      "≤ 5 ms",
      m.explainMs <= 5,
    );
  }
  await floodScenario(url, actor);
  return inputs;
}

const PHRASE = "الدار البيضاء";
const FLOOD = 10_000;

/**
 * The queue's text search right after a flood of new cases (each mentioning the searched
 * phrase, before any vacuum), and what the open-case trigram index costs the intake: opening
 * cases with and without it. All in one transaction, rolled back: the database is unchanged.
 */
async function floodScenario(url: string, actor: string) {
  const { pool, db, captured, state } = connect(url);
  const norm = normalizeText(`منشور جديد عن حادث في ${PHRASE}`);
  const open = (n: number) =>
    timed(() =>
      pool.query(
        `select iblagh_open_case('rumor', 'fake_incident', $1 || g, $1 || g, 'facebook', now(), now()) from generate_series(1, $2) g`,
        [norm, n],
      ),
    );
  await pool.query("begin");
  try {
    await open(FLOOD);
    const explains: number[] = [];
    for (let i = 0; i < 5; i++) {
      captured.length = 0;
      state.capturing = true;
      await listQueue(db, { q: PHRASE } as QueueFilter, actor);
      state.capturing = false;
      let total = 0;
      for (const q of captured) {
        const r = await pool.query(`explain (analyze, format json) ${q.query}`, q.params);
        total += (r.rows[0] as { "QUERY PLAN": { "Execution Time": number }[] })["QUERY PLAN"][0][
          "Execution Time"
        ];
      }
      explains.push(total);
    }
    const search = median(explains);
    add(
      `Queue text search after ${FLOOD.toLocaleString("en")} new cases, unvacuumed (EXPLAIN ANALYZE)`,
      `${ms(search)} (runs ${explains.map((e) => e.toFixed(1)).join(", ")})`,
      "≤ 5 ms",
      search <= 5,
    );
    // The index's price: cases opened, and reports joining open cases (the case row is
    // rewritten, not updated in place: every index gets the new version), with it, then (index
    // dropped, in a savepoint) without.
    const join = (n: number) =>
      timed(() =>
        pool.query(
          `update cases set report_count = report_count + 1, latest_report_at = now() where id in (
             select id from cases where status in (${OPEN_STATUSES.map((s) => `'${s}'`).join(", ")}) order by random() limit $1)`,
          [n],
        ),
      );
    const withIndex = [await open(2_000), await join(2_000)];
    await pool.query("savepoint bare");
    await pool.query("drop index if exists cases_open_search_trgm_idx");
    const without = [await open(2_000), await join(2_000)];
    await pool.query("rollback to savepoint bare");
    const withAgain = [await open(2_000), await join(2_000)];
    const per = (t: number) => (t / 2_000).toFixed(3);
    add(
      "The open-case trigram index's price: opening a case, a report joining one (with vs without)",
      `open ${per((withIndex[0] + withAgain[0]) / 2)} vs ${per(without[0])} ms; join ${per((withIndex[1] + withAgain[1]) / 2)} vs ${per(without[1])} ms (SQL per case)`,
      "reported",
      null,
    );
  } finally {
    await pool.query("rollback");
    // The rolled-back rows are dead tuples in the table and its indexes: gone before the next
    // scenario reads them.
    await pool.query("vacuum (analyze) cases");
    await pool.end();
  }
}
