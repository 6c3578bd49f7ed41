import "server-only";
import { and, eq, max, min, sql } from "drizzle-orm";
import { requireCaseRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/log";
import type { Db, Tx } from "@/lib/db/connect";
import { caseEvents, caseLinks, cases, reports } from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";
import { bump, METRICS } from "@/lib/stats/rollup";
import { normalizeText } from "@/lib/text/normalize";
import { keepTextCarriers } from "../matching/carriers";
import { summarize } from "../matching/summary";
import { isOpen } from "../workflow";
import { lockCase } from "./lock";

// Merging a case into another (closing it as a duplicate) and splitting a report out of a case.

export async function mergeInto(
  tx: Tx,
  actor: Actor,
  sourceId: string,
  survivorId: string,
  note: string,
) {
  const survivor = await lockCase(tx, survivorId);
  if (!isOpen(survivor.status) || survivor.id === sourceId)
    throw new ExpectedError("transition_refused", { reason: "survivor_closed" });
  const source = await lockCase(tx, sourceId);
  const now = new Date();
  await tx.update(reports).set({ caseId: survivor.id }).where(eq(reports.caseId, source.id));
  await tx.execute(
    sql`insert into case_links (canonical_url, case_id) select canonical_url, ${survivor.id}::uuid from case_links where case_id = ${source.id} on conflict do nothing`,
  );
  await tx.delete(caseLinks).where(eq(caseLinks.caseId, source.id));
  await tx
    .update(cases)
    .set({
      reportCount: sql`${cases.reportCount} + ${source.reportCount}`,
      firstReportAt: sql`least(${cases.firstReportAt}, ${source.firstReportAt.toISOString()}::timestamptz)`,
      latestReportAt: sql`greatest(${cases.latestReportAt}, ${source.latestReportAt.toISOString()}::timestamptz)`,
      platforms: sql`array(select distinct unnest(${cases.platforms} || ARRAY[${sql.join(
        source.platforms.map((p) => sql`${p}`),
        sql`, `,
      )}]::text[]))`,
    })
    .where(eq(cases.id, survivor.id));
  await tx
    .update(cases)
    .set({
      status: "duplicate",
      mergedIntoId: survivor.id,
      reportCount: 0,
      statusChangedAt: now,
      closedAt: now,
    })
    .where(eq(cases.id, source.id));
  await tx.insert(caseEvents).values([
    {
      caseId: source.id,
      at: now,
      actorId: actor.id,
      type: "transition",
      fromStatus: source.status,
      toStatus: "duplicate",
      note,
      data: { survivorId: survivor.id, survivorRef: survivor.ref },
    },
    {
      caseId: survivor.id,
      at: now,
      actorId: actor.id,
      type: "merged",
      note,
      data: { sourceId: source.id, sourceRef: source.ref, reports: source.reportCount },
    },
  ]);
  await recordAudit(tx, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: "case.merge",
    targetType: "case",
    targetId: source.id,
    details: { survivorId: survivor.id, reports: source.reportCount, note },
  });
}

export async function splitReport(
  db: Db,
  actorIn: Actor | null,
  input: { reportId: string; note: string },
): Promise<string> {
  const actor = requireCaseRole(actorIn);
  if (!input.note?.trim())
    throw new ExpectedError("transition_refused", { reason: "note_required" });
  return db.transaction(async (tx) => {
    const [report] = await tx.select().from(reports).where(eq(reports.id, input.reportId));
    if (!report) throw new ExpectedError("not_found");
    const old = await lockCase(tx, report.caseId);
    if (!isOpen(old.status))
      throw new ExpectedError("transition_refused", { reason: "case_closed" });
    if (old.reportCount <= 1)
      throw new ExpectedError("transition_refused", { reason: "only_report" });
    const now = new Date();
    const summary = summarize(report.description);
    const { rows } = await tx.execute(sql`select id, ref from iblagh_open_case(
      ${report.kind}, ${report.category}, ${summary}, ${normalizeText(summary)}, ${report.platform},
      ${report.submittedAt.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz,
      ${actor.id}::uuid, ${input.note.trim()},
      ${JSON.stringify({ splitFrom: old.id, splitFromRef: old.ref })}::jsonb)`);
    const created = rows[0] as { id: string; ref: string };
    await tx.update(reports).set({ caseId: created.id }).where(eq(reports.id, report.id));
    await keepTextCarriers(tx, created.id);
    await keepTextCarriers(tx, old.id);
    await bump(tx, { at: now, metric: METRICS.casesOpened, breakdowns: [`kind:${report.kind}`] });
    await tx.execute(
      sql`insert into case_links (canonical_url, case_id) select distinct canonical_url, ${created.id}::uuid from report_links where report_id = ${report.id} on conflict do nothing`,
    );
    // The old case keeps only the links, platforms and dates of the reports it still has.
    await tx
      .delete(caseLinks)
      .where(
        and(
          eq(caseLinks.caseId, old.id),
          sql`not exists (select 1 from report_links rl join reports r on r.id = rl.report_id where r.case_id = ${old.id} and rl.canonical_url = ${caseLinks.canonicalUrl})`,
        ),
      );
    const [agg] = await tx
      .select({
        first: min(reports.submittedAt),
        latest: max(reports.submittedAt),
        platforms: sql<string[]>`array_agg(distinct ${reports.platform})`,
      })
      .from(reports)
      .where(eq(reports.caseId, old.id));
    await tx
      .update(cases)
      .set({
        reportCount: sql`${cases.reportCount} - 1`,
        firstReportAt: agg.first!,
        latestReportAt: agg.latest!,
        platforms: agg.platforms,
      })
      .where(eq(cases.id, old.id));
    await tx.insert(caseEvents).values([
      {
        caseId: old.id,
        at: now,
        actorId: actor.id,
        type: "split",
        note: input.note.trim(),
        data: { reportId: report.id, newCaseId: created.id, newCaseRef: created.ref },
      },
    ]);
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "case.split",
      targetType: "report",
      targetId: report.id,
      details: { fromCaseId: old.id, newCaseId: created.id, note: input.note.trim() },
    });
    return created.id;
  });
}
