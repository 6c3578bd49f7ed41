import "server-only";
import { and, count, eq, gt, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connect";
import { caseEvents, caseLinks, cases, reports } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { METRICS } from "@/lib/stats/rollup";
import { normalizeText } from "@/lib/text/normalize";
import { findCaseByLinks, findCasesByText } from "./match";
import { raisedPriority, SURGE_HIGH, SURGE_URGENT, type Priority } from "./priority";

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

/** A claim summary from the first report: its opening, cut at a word. */
export function summarize(description: string, max = 280): string {
  const oneLine = description.replace(/\s+/g, " ").trim();
  if (oneLine.length <= max) return oneLine;
  const cut = oneLine.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 40))}…`;
}

/**
 * Inside the intake transaction: the case this report belongs to, opening one when nothing
 * matches, with the case's counters, links, platforms and priority brought up to date.
 */
export async function attachToCase(tx: Tx, r: IncomingReport): Promise<{ caseId: string; opened: boolean }> {
  // Two first reports of one link arriving together must not open two cases.
  for (const url of [...r.canonicalUrls].sort()) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${url}))`);

  let caseId = await findCaseByLinks(tx, r.kind, r.canonicalUrls);
  if (!caseId && r.bandKeys.length > 0) {
    const [match] = await findCasesByText(tx, { kind: r.kind, norm: r.descriptionNorm, bandKeys: r.bandKeys, minScore: env.CASE_MERGE_THRESHOLD, limit: 1 });
    caseId = match?.caseId ?? null;
  }

  if (!caseId) {
    const summary = summarize(r.description);
    const [created] = await tx
      .insert(cases)
      .values({
        kind: r.kind,
        category: r.category,
        summary,
        searchText: normalizeText(summary),
        platforms: [r.platform],
        reportCount: 1,
        firstReportAt: r.at,
        latestReportAt: r.at,
        statusChangedAt: r.at,
      })
      .returning({ id: cases.id });
    await tx.insert(caseEvents).values({ caseId: created.id, type: "created", toStatus: "new", at: r.at });
    if (r.canonicalUrls.length > 0) await tx.insert(caseLinks).values(r.canonicalUrls.map((canonicalUrl) => ({ canonicalUrl, caseId: created.id })));
    return { caseId: created.id, opened: true };
  }

  const [updated] = await tx
    .update(cases)
    .set({
      reportCount: sql`${cases.reportCount} + 1`,
      latestReportAt: sql`greatest(${cases.latestReportAt}, ${r.at.toISOString()}::timestamptz)`,
      platforms: sql`case when ${r.platform} = any(${cases.platforms}) then ${cases.platforms} else array_append(${cases.platforms}, ${r.platform}) end`,
    })
    .where(eq(cases.id, caseId))
    .returning({ priority: cases.priority, reportCount: cases.reportCount });
  if (r.canonicalUrls.length > 0) {
    await tx
      .insert(caseLinks)
      .values(r.canonicalUrls.map((canonicalUrl) => ({ canonicalUrl, caseId: caseId! })))
      .onConflictDoNothing();
  }
  // A surge of reports raises the priority. Counting is skipped until it could matter and stops
  // once it is urgent, and it reads at most SURGE_URGENT index entries: a viral case with
  // thousands of reports an hour must not make each new report slower.
  if (updated.reportCount >= SURGE_HIGH && updated.priority !== "urgent") {
    const recent = tx
      .select({ one: sql`1` })
      .from(reports)
      .where(and(eq(reports.caseId, caseId), gt(reports.submittedAt, new Date(r.at.getTime() - 3600_000))))
      .limit(SURGE_URGENT)
      .as("recent");
    const [{ n }] = await tx.select({ n: count() }).from(recent);
    const next = raisedPriority(updated.priority as Priority, n + 1);
    if (next !== updated.priority) {
      await tx.update(cases).set({ priority: next }).where(eq(cases.id, caseId));
      await tx.insert(caseEvents).values({ caseId, type: "priority", at: r.at, data: { from: updated.priority, to: next, reason: "surge", reportsLastHour: n + 1 } });
    }
  }
  return { caseId, opened: false };
}

/** The roll-up counters of one intake, written last, just before the commit. */
export function intakeBumps(r: Pick<IncomingReport, "at" | "kind" | "category" | "platform" | "locale">, opened: boolean) {
  return [
    { at: r.at, metric: METRICS.reports, breakdowns: [`kind:${r.kind}`, `category:${r.category}`, `platform:${r.platform}`, `locale:${r.locale}`] },
    opened ? { at: r.at, metric: METRICS.casesOpened, breakdowns: [`kind:${r.kind}`] } : { at: r.at, metric: METRICS.reportsJoined },
  ];
}
