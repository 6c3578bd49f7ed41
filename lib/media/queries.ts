import "server-only";
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/connect";
import { media, reportMedia, reports } from "@/lib/db/schema";

/** What the case page shows of a picture: never its bytes (the staff media route serves them). */
export interface EvidenceImage {
  reportId: string;
  position: number;
  sha256: string;
  width: number | null;
  height: number | null;
  size: number;
  receivedAt: Date;
}

export async function imagesOfReports(db: Executor, reportIds: string[]): Promise<EvidenceImage[]> {
  if (reportIds.length === 0) return [];
  return db
    .select({
      reportId: reportMedia.reportId,
      position: reportMedia.position,
      sha256: media.sha256,
      width: media.width,
      height: media.height,
      size: media.size,
      receivedAt: media.receivedAt,
    })
    .from(reportMedia)
    .innerJoin(media, eq(media.sha256, reportMedia.sha256))
    .where(inArray(reportMedia.reportId, reportIds))
    .orderBy(asc(reportMedia.reportId), asc(reportMedia.position));
}

/** A case's pictures as matching reads them (iblagh_cases_for_images), a few at most. */
export async function caseImagesForMatching(db: Executor, caseId: string, limit = 8) {
  const { rows } = await db.execute(sql`
    select distinct m.sha256, iblagh_pdq_hex(m.pdq) as pdq, m.pdq_quality as quality
    from ${reports} r join ${reportMedia} rm on rm.report_id = r.id join ${media} m on m.sha256 = rm.sha256
    where r.case_id = ${caseId} limit ${limit}`);
  return rows as { sha256: string; pdq: string | null; quality: number | null }[];
}
