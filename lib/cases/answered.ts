import "server-only";
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/lib/db/connect";
import { caseLinks, cases, statements } from "@/lib/db/schema";
import { PDQ_MATCH_DISTANCE, PDQ_MIN_QUALITY } from "@/lib/image/pdq";
import { caseImagesForMatching } from "@/lib/media/queries";
import { findCasesByText } from "./matching/text";
import { ANSWERED_STATUSES as ANSWERED } from "./workflow";
const LIMIT = 5;

export interface AnsweredCase {
  id: string;
  ref: number;
  status: string;
  summary: string;
  closedAt: Date | null;
  /** Published statements of that case, for the public link. */
  statements: { slug: string; type: string }[];
}

const other = alias(caseLinks, "other");

/**
 * Closed cases about the same content as this one: one of its links, one of its pictures (or a
 * near-copy), or a forwarded message that
 * reads alike its first report (`text`, similarity ≥ `minScore`), newest decision first, with their published
 * statements. A rumour that comes back after its denial opens a new case (matching joins open
 * cases only): the moderator should see at once that it was answered, and by what.
 */
export async function answeredBefore(
  db: Executor,
  c: { id: string; kind: string; text: { norm: string; bandKeys: bigint[] } | null },
  minScore: number,
): Promise<AnsweredCase[]> {
  const byLink = await db
    .selectDistinct({ id: cases.id, closedAt: cases.closedAt })
    .from(caseLinks)
    .innerJoin(
      other,
      and(eq(other.canonicalUrl, caseLinks.canonicalUrl), ne(other.caseId, caseLinks.caseId)),
    )
    .innerJoin(cases, eq(cases.id, other.caseId))
    .where(and(eq(caseLinks.caseId, c.id), eq(cases.kind, c.kind), inArray(cases.status, ANSWERED)))
    .orderBy(desc(cases.closedAt))
    .limit(LIMIT);
  const byText = c.text
    ? await findCasesByText(db, {
        kind: c.kind,
        ...c.text,
        excludeCaseId: c.id,
        minScore,
        limit: LIMIT,
        statuses: ANSWERED,
        read: "oldest",
      })
    : [];
  // The same pictures, or near-copies by PDQ (iblagh_cases_for_images).
  const pictures = await caseImagesForMatching(db, c.id);
  const byImage = pictures.length
    ? ((
        await db.execute(sql`select case_id from iblagh_cases_for_images(
          ${JSON.stringify(pictures)}::jsonb, ${c.kind}, ${`{${ANSWERED.join(",")}}`}::text[],
          ${PDQ_MATCH_DISTANCE}, ${PDQ_MIN_QUALITY}, ${LIMIT + 1})`)
      ).rows as { case_id: string }[])
    : [];
  const ids = [
    ...new Set([
      ...byLink.map((r) => r.id),
      ...byImage.map((r) => r.case_id).filter((id) => id !== c.id),
      ...byText.map((m) => m.caseId),
    ]),
  ];
  if (ids.length === 0) return [];
  const [rows, published] = await Promise.all([
    db
      .select({
        id: cases.id,
        ref: cases.ref,
        status: cases.status,
        summary: cases.summary,
        closedAt: cases.closedAt,
      })
      .from(cases)
      .where(inArray(cases.id, ids)),
    db
      .select({ caseId: statements.caseId, slug: statements.slug, type: statements.type })
      .from(statements)
      .where(
        and(
          inArray(statements.caseId, ids),
          eq(statements.status, "published"),
          sql`${statements.slug} is not null`,
        ),
      )
      .orderBy(desc(statements.publishedAt)),
  ]);
  return rows
    .map((r) => ({
      ...r,
      ref: Number(r.ref),
      statements: published
        .filter((s) => s.caseId === r.id)
        .map((s) => ({ slug: s.slug!, type: s.type })),
    }))
    .sort((a, b) => (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0))
    .slice(0, LIMIT);
}
