import "server-only";
import { randomUUID } from "node:crypto";
import { and, count, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/lib/db/connect";
import { jsonParam } from "@/lib/db/json-rows";
import { caseEvents, cases, reports } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { METRICS } from "@/lib/stats/rollup";
import { textSimilarity } from "@/lib/text/minhash";
import { normalizeText } from "@/lib/text/normalize";
import { findCasesByLinks, findCasesByText } from "./match";
import { raisedPriority, SURGE_HIGH, SURGE_URGENT, type Priority } from "./priority";
import { OPEN_STATUSES } from "./workflow";

export interface IncomingReport {
  kind: string;
  category: string;
  description: string;
  descriptionNorm: string;
  platform: string;
  locale: string;
  canonicalUrls: string[];
  bandKeys: bigint[];
  at: Date;
}

export interface Attached {
  caseId: string;
  opened: boolean;
}

/** A claim summary from the first report: its opening, cut at a word. */
export function summarize(description: string, max = 280): string {
  const oneLine = description.replace(/\s+/g, " ").trim();
  if (oneLine.length <= max) return oneLine;
  const cut = oneLine.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 40))}…`;
}

export interface Touched {
  id: string;
  opened: boolean;
  kind: string;
  category: string;
  summary: string;
  platforms: string[];
  first: Date;
  latest: Date;
  joined: number;
  links: Set<string>;
}

const linkKey = (kind: string, url: string) => `${kind}\n${url}`;

export interface CasePlan {
  /** Per report of the batch, in order. */
  attached: Attached[];
  touched: Touched[];
}

/**
 * Inside the intake transaction: the case each report belongs to, in order, as if they had
 * arrived one after the other — a report may join a case opened by an earlier one of the same
 * batch. Nothing is written yet: the writes join the reports' own statement (caseWrites).
 */
export async function planCases(tx: Tx, batch: IncomingReport[]): Promise<CasePlan> {
  // Two first reports of one link arriving together (in two instances) must not open two cases.
  const urls = [...new Set(batch.flatMap((r) => r.canonicalUrls))].sort();
  if (urls.length > 0) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(u)) from json_array_elements_text(${jsonParam(urls)}) as u`);

  // The newest open case per (kind, link), then updated as the batch is walked.
  const byLink = new Map<string, { caseId: string; latest: Date }>();
  for (const row of await findCasesByLinks(tx, urls)) byLink.set(linkKey(row.kind, row.canonicalUrl), { caseId: row.caseId, latest: row.latestReportAt });

  const touched = new Map<string, Touched>();
  const attached: Attached[] = [];
  for (const [i, r] of batch.entries()) {
    let caseId = bestByLink(byLink, r);
    if (!caseId && r.bandKeys.length > 0) caseId = await bestByText(tx, batch, attached, i);

    let t = caseId ? touched.get(caseId) : undefined;
    const opens = !caseId;
    if (!t) {
      t = { id: caseId ?? randomUUID(), opened: opens, kind: r.kind, category: r.category, summary: opens ? summarize(r.description) : "", platforms: opens ? [r.platform] : [], first: r.at, latest: r.at, joined: 0, links: new Set() };
      touched.set(t.id, t);
    }
    if (!opens) {
      t.joined++;
      if (!t.platforms.includes(r.platform)) t.platforms.push(r.platform);
    }
    if (r.at > t.latest) t.latest = r.at;
    for (const url of r.canonicalUrls) {
      t.links.add(url);
      byLink.set(linkKey(r.kind, url), { caseId: t.id, latest: t.latest });
    }
    attached.push({ caseId: t.id, opened: opens });
  }

  return { attached, touched: [...touched.values()] };
}

function bestByLink(byLink: Map<string, { caseId: string; latest: Date }>, r: IncomingReport): string | null {
  let best: { caseId: string; latest: Date } | undefined;
  for (const url of r.canonicalUrls) {
    const hit = byLink.get(linkKey(r.kind, url));
    if (hit && (!best || hit.latest > best.latest)) best = hit;
  }
  return best?.caseId ?? null;
}

/** The best case by text among open cases and the forwarded messages earlier in the batch. */
async function bestByText(tx: Tx, batch: IncomingReport[], attached: Attached[], i: number): Promise<string | null> {
  const r = batch[i];
  const [fromDb] = await findCasesByText(tx, { kind: r.kind, norm: r.descriptionNorm, bandKeys: r.bandKeys, minScore: env.CASE_MERGE_THRESHOLD, limit: 1 });
  let best = fromDb ? { caseId: fromDb.caseId, score: fromDb.score } : null;
  const keys = new Set(r.bandKeys);
  for (let j = 0; j < i; j++) {
    const e = batch[j];
    if (e.kind !== r.kind || !e.bandKeys.some((k) => keys.has(k))) continue;
    const score = textSimilarity(r.descriptionNorm, e.descriptionNorm);
    if (score >= env.CASE_MERGE_THRESHOLD && (!best || score > best.score)) best = { caseId: attached[j].caseId, score };
  }
  return best?.caseId ?? null;
}


/**
 * The case writes of a plan, as parts of one WITH statement: opened cases and their "created"
 * events, joined cases' counters (in id order, a fixed lock order; the part named
 * `joined_cases` returns their new counts and priority), and links.
 */
export function caseWrites(plan: CasePlan): SQL[] {
  const opened = plan.touched.filter((t) => t.opened);
  const joined = plan.touched.filter((t) => !t.opened).sort((a, b) => a.id.localeCompare(b.id));
  const links = plan.touched.flatMap((t) => [...t.links].map((url) => ({ url, case_id: t.id }))).sort((a, b) => a.url.localeCompare(b.url) || a.case_id.localeCompare(b.case_id));
  const openedRows = opened.map((t) => ({ id: t.id, kind: t.kind, category: t.category, summary: t.summary, search_text: normalizeText(t.summary), platforms: t.platforms, report_count: 1 + t.joined, first: t.first, latest: t.latest }));
  const joinedRows = joined.map((t) => ({ id: t.id, n: t.joined, latest: t.latest, platforms: t.platforms }));
  return [
    sql`opened as (select * from json_to_recordset(${jsonParam(openedRows)}) as x(id uuid, kind text, category text, summary text, search_text text, platforms text[], report_count int, first timestamptz, latest timestamptz))`,
    sql`opened_cases as (
      insert into cases (id, kind, category, summary, search_text, platforms, report_count, first_report_at, latest_report_at, status_changed_at)
      select id, kind, category, summary, search_text, platforms, report_count, first, latest, first from opened
      returning id)`,
    sql`opened_events as (insert into case_events (case_id, type, to_status, at) select o.id, 'created', 'new', o.first from opened o join opened_cases using (id))`,
    sql`joined_cases as (
      update cases c set
        report_count = c.report_count + v.n,
        latest_report_at = greatest(c.latest_report_at, v.latest),
        platforms = c.platforms || array(select p from unnest(v.platforms) as p where p <> all(c.platforms))
      from (select * from json_to_recordset(${jsonParam(joinedRows)}) as x(id uuid, n int, latest timestamptz, platforms text[]) order by id) as v
      where c.id = v.id
      returning c.id, c.priority, c.report_count)`,
    sql`new_links as (insert into case_links (canonical_url, case_id) select url, case_id from json_to_recordset(${jsonParam(links)}) as x(url text, case_id uuid) on conflict do nothing)`,
  ];
}

/** After the writes: priorities raised by a surge, from the joined cases' new counts. */
export async function raiseOnSurges(tx: Tx, plan: CasePlan, joined: { id: string; priority: string; report_count: number }[]): Promise<void> {
  const after = new Map(joined.map((j) => [j.id, { reportCount: j.report_count, priority: j.priority }]));
  for (const t of plan.touched) {
    const now = after.get(t.id) ?? { reportCount: 1 + t.joined, priority: "normal" };
    await raiseOnSurge(tx, t, now);
  }
}

/**
 * A surge of reports raises the priority. Counting is skipped until it could matter and stops
 * once it is urgent, and it reads at most SURGE_URGENT index entries: a viral case with
 * thousands of reports an hour must not make each new report slower.
 */
async function raiseOnSurge(tx: Tx, t: Touched, now: { reportCount: number; priority: string }): Promise<void> {
  if (now.reportCount < SURGE_HIGH || now.priority === "urgent") return;
  // A case opened by this batch has all its reports in the last hour; the batch's own reports
  // are already written.
  let lastHour = now.reportCount;
  if (!t.opened) {
    const recent = tx
      .select({ one: sql`1` })
      .from(reports)
      .where(and(eq(reports.caseId, t.id), gt(reports.submittedAt, new Date(t.latest.getTime() - 3600_000))))
      .limit(SURGE_URGENT)
      .as("recent");
    [{ n: lastHour }] = await tx.select({ n: count() }).from(recent);
  }
  const next = raisedPriority(now.priority as Priority, lastHour);
  if (next === now.priority) return;
  await tx.update(cases).set({ priority: next }).where(and(eq(cases.id, t.id), inArray(cases.status, [...OPEN_STATUSES])));
  await tx.insert(caseEvents).values({ caseId: t.id, type: "priority", at: t.latest, data: { from: now.priority, to: next, reason: "surge", reportsLastHour: lastHour } });
}

/** The roll-up counters of one intake, written last, just before the commit. */
export function intakeBumps(r: Pick<IncomingReport, "at" | "kind" | "category" | "platform" | "locale">, opened: boolean) {
  return [
    { at: r.at, metric: METRICS.reports, breakdowns: [`kind:${r.kind}`, `category:${r.category}`, `platform:${r.platform}`, `locale:${r.locale}`] },
    opened ? { at: r.at, metric: METRICS.casesOpened, breakdowns: [`kind:${r.kind}`] } : { at: r.at, metric: METRICS.reportsJoined },
  ];
}
