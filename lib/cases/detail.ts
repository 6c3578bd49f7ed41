import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/lib/db/connect";
import { caseEvents, caseLinks, cases, reportLinks, reports, staffUsers } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { bandKeys } from "@/lib/text/minhash";
import { imagesOfReports } from "@/lib/media/queries";
import { answeredBefore } from "./answered";
import { findCasesByText } from "./matching/text";
import { caseSummaryColumns } from "./queue";
import { isUuid } from "@/lib/validation";

export async function caseIdByRef(db: Executor, ref: number): Promise<string | null> {
  if (!Number.isSafeInteger(ref) || ref <= 0) return null;
  const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.ref, ref));
  return row?.id ?? null;
}

const mergedInto = alias(cases, "merged_into");

/** Everything the case page shows, in a few bounded queries. Contact details are not included. */
export async function getCaseDetail(db: Executor, id: string) {
  if (!isUuid(id)) return null;
  const [c] = await db
    .select({
      ...caseSummaryColumns,
      statusChangedAt: cases.statusChangedAt,
      firstActionAt: cases.firstActionAt,
      referralDate: cases.referralDate,
      referralUnit: cases.referralUnit,
      referralReference: cases.referralReference,
      assigneeId: cases.assigneeId,
      assigneeEmail: staffUsers.email,
      mergedIntoId: cases.mergedIntoId,
      mergedIntoRef: mergedInto.ref,
    })
    .from(cases)
    .leftJoin(staffUsers, eq(staffUsers.id, cases.assigneeId))
    .leftJoin(mergedInto, eq(mergedInto.id, cases.mergedIntoId))
    .where(eq(cases.id, id));
  if (!c) return null;

  const reportRows = await db
    .select({
      id: reports.id,
      description: reports.description,
      descriptionNorm: reports.descriptionNorm,
      platform: reports.platform,
      locale: reports.locale,
      category: reports.category,
      submittedAt: reports.submittedAt,
      seenAt: reports.seenAt,
      hasContact: sql<boolean>`${reports.contactEnc} is not null`,
    })
    .from(reports)
    .where(eq(reports.caseId, id))
    .orderBy(asc(reports.submittedAt))
    .limit(200);
  const links = reportRows.length
    ? await db
        .select({
          reportId: reportLinks.reportId,
          url: reportLinks.url,
          canonicalUrl: reportLinks.canonicalUrl,
        })
        .from(reportLinks)
        .where(
          inArray(
            reportLinks.reportId,
            reportRows.map((r) => r.id),
          ),
        )
    : [];
  const images = await imagesOfReports(
    db,
    reportRows.map((r) => r.id),
  );
  const caseLinkRows = await db
    .select({ url: caseLinks.canonicalUrl })
    .from(caseLinks)
    .where(eq(caseLinks.caseId, id))
    .orderBy(asc(caseLinks.canonicalUrl));
  const events = await db
    .select({
      id: caseEvents.id,
      at: caseEvents.at,
      type: caseEvents.type,
      fromStatus: caseEvents.fromStatus,
      toStatus: caseEvents.toStatus,
      note: caseEvents.note,
      data: caseEvents.data,
      actorEmail: staffUsers.email,
    })
    .from(caseEvents)
    .leftJoin(staffUsers, eq(staffUsers.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, id))
    .orderBy(desc(caseEvents.at), desc(caseEvents.id))
    .limit(200);

  // Suggested duplicates: open cases whose forwarded messages read like this case's first report.
  const first = reportRows[0];
  const text = first
    ? { norm: first.descriptionNorm, bandKeys: bandKeys(first.descriptionNorm) }
    : null;
  const matches = text
    ? await findCasesByText(db, {
        kind: c.kind,
        ...text,
        excludeCaseId: id,
        minScore: env.CASE_SUGGEST_THRESHOLD,
      })
    : [];
  const suggestions = matches.length
    ? (
        await db
          .select({
            id: cases.id,
            ref: cases.ref,
            summary: cases.summary,
            status: cases.status,
            reportCount: cases.reportCount,
          })
          .from(cases)
          .where(
            inArray(
              cases.id,
              matches.map((m) => m.caseId),
            ),
          )
      ).map((s) => ({
        ...s,
        score: matches.find((m) => m.caseId === s.id)!.score,
      }))
    : [];
  suggestions.sort((a, b) => b.score - a.score);
  const answered = await answeredBefore(db, { id, kind: c.kind, text }, env.CASE_SUGGEST_THRESHOLD);

  return {
    ...c,
    ref: Number(c.ref),
    mergedIntoRef: c.mergedIntoRef === null ? null : Number(c.mergedIntoRef),
    reports: reportRows.map(({ descriptionNorm: _n, ...r }) => ({
      ...r,
      links: links.filter((l) => l.reportId === r.id),
      images: images.filter((m) => m.reportId === r.id),
    })),
    links: caseLinkRows.map((l) => l.url),
    events,
    suggestions,
    answered,
  };
}
export type CaseDetail = NonNullable<Awaited<ReturnType<typeof getCaseDetail>>>;

/** Staff who can be given cases. */
export async function listAssignableStaff(db: Executor) {
  return db
    .select({ id: staffUsers.id, email: staffUsers.email })
    .from(staffUsers)
    .where(
      and(
        isNull(staffUsers.disabledAt),
        sql`${staffUsers.roles} && array['moderator', 'publisher']::text[]`,
      ),
    )
    .orderBy(asc(staffUsers.email));
}
