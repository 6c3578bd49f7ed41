import "server-only";
import { randomUUID } from "node:crypto";
import { and, count, eq, gt, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connect";
import { caseEvents, caseLinks, cases, reports } from "@/lib/db/schema";
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

interface Touched {
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

const textArray = (xs: string[]) => sql`array[${sql.join(
  xs.map((x) => sql`${x}`),
  sql`, `,
)}]::text[]`;
const linkKey = (kind: string, url: string) => `${kind}\n${url}`;

/**
 * Inside the intake transaction: the case each report belongs to, in order, as if they had
 * arrived one after the other — a report may join a case opened by an earlier one of the same
 * batch. Whatever the batch size, the cases are written with a fixed number of statements.
 */
export async function attachToCases(tx: Tx, batch: IncomingReport[]): Promise<Attached[]> {
  // Two first reports of one link arriving together (in two instances) must not open two cases.
  const urls = [...new Set(batch.flatMap((r) => r.canonicalUrls))].sort();
  if (urls.length > 0) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(u)) from unnest(${textArray(urls)}) as u`);

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

  await writeCases(tx, [...touched.values()], batch, attached);
  return attached;
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


async function writeCases(tx: Tx, all: Touched[], batch: IncomingReport[], attached: Attached[]): Promise<void> {
  const opened = all.filter((t) => t.opened);
  const joined = all.filter((t) => !t.opened).sort((a, b) => a.id.localeCompare(b.id));
  if (opened.length > 0) {
    await tx.insert(cases).values(
      opened.map((t) => ({
        id: t.id,
        kind: t.kind,
        category: t.category,
        summary: t.summary,
        searchText: normalizeText(t.summary),
        platforms: t.platforms,
        reportCount: 1 + t.joined,
        firstReportAt: t.first,
        latestReportAt: t.latest,
        statusChangedAt: t.first,
      })),
    );
    await tx.insert(caseEvents).values(opened.map((t) => ({ caseId: t.id, type: "created", toStatus: "new", at: t.first })));
  }
  const counts = new Map<string, { reportCount: number; priority: string }>();
  if (joined.length > 0) {
    const rows = sql.join(
      joined.map((t) => sql`(${t.id}::uuid, ${t.joined}::int, ${t.latest.toISOString()}::timestamptz, ${textArray(t.platforms)})`),
      sql`, `,
    );
    // One statement for every case the batch joined, in id order (a fixed lock order).
    const updated = await tx.execute(sql`
      update cases c set
        report_count = c.report_count + v.n,
        latest_report_at = greatest(c.latest_report_at, v.latest),
        platforms = c.platforms || array(select p from unnest(v.platforms) as p where p <> all(c.platforms))
      from (values ${rows}) as v(id, n, latest, platforms)
      where c.id = v.id
      returning c.id, c.priority, c.report_count`);
    for (const row of updated.rows as { id: string; priority: string; report_count: number }[]) counts.set(row.id, { reportCount: row.report_count, priority: row.priority });
  }
  const links = all.flatMap((t) => [...t.links].map((canonicalUrl) => ({ canonicalUrl, caseId: t.id })));
  if (links.length > 0) await tx.insert(caseLinks).values(links).onConflictDoNothing();

  for (const t of all) {
    const now = counts.get(t.id) ?? { reportCount: 1 + t.joined, priority: "normal" };
    await raiseOnSurge(tx, t, now, batch.filter((_, i) => attached[i].caseId === t.id).length);
  }
}

/**
 * A surge of reports raises the priority. Counting is skipped until it could matter and stops
 * once it is urgent, and it reads at most SURGE_URGENT index entries: a viral case with
 * thousands of reports an hour must not make each new report slower.
 */
async function raiseOnSurge(tx: Tx, t: Touched, now: { reportCount: number; priority: string }, inBatch: number): Promise<void> {
  if (now.reportCount < SURGE_HIGH || now.priority === "urgent") return;
  let earlier = 0;
  if (!t.opened) {
    const recent = tx
      .select({ one: sql`1` })
      .from(reports)
      .where(and(eq(reports.caseId, t.id), gt(reports.submittedAt, new Date(t.latest.getTime() - 3600_000))))
      .limit(SURGE_URGENT)
      .as("recent");
    [{ n: earlier }] = await tx.select({ n: count() }).from(recent);
  }
  const lastHour = earlier + inBatch;
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
