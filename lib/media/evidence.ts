import "server-only";
import { zipSync, strToU8 } from "fflate";
import { and, eq, inArray } from "drizzle-orm";
import { requireCaseRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/connect";
import { cases, media, reportMedia, reports } from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";
import { isUuid } from "@/lib/validation";

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * A picture for a signed-in moderator or publisher: the thumbnail freely, the full picture as
 * an audited event (chain of custody: who looked at which evidence, when).
 */
export async function readEvidence(
  db: Db,
  actorIn: Actor | null,
  sha256: string,
  variant: "thumb" | "full",
): Promise<{ bytes: Buffer; mime: string }> {
  const actor = requireCaseRole(actorIn);
  if (!SHA256.test(sha256)) throw new ExpectedError("not_found");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        mime: media.mime,
        bytes: variant === "full" ? media.bytes : media.thumb,
      })
      .from(media)
      .where(eq(media.sha256, sha256));
    if (!row?.bytes) throw new ExpectedError("not_found");
    if (variant === "full")
      await recordAudit(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: "media.view",
        targetType: "media",
        targetId: sha256,
      });
    return { bytes: Buffer.from(row.bytes), mime: row.mime };
  });
}

/**
 * A case's pictures as a ZIP for a judicial referral, with `manifest.json`: per picture its
 * SHA-256, size, when it was received, and the report and case it came with. Audited.
 */
export async function exportEvidence(
  db: Db,
  actorIn: Actor | null,
  caseId: string,
): Promise<{ zip: Uint8Array; ref: number }> {
  const actor = requireCaseRole(actorIn);
  if (!isUuid(caseId)) throw new ExpectedError("not_found");
  return db.transaction(async (tx) => {
    const [c] = await tx
      .select({ id: cases.id, ref: cases.ref })
      .from(cases)
      .where(eq(cases.id, caseId));
    if (!c) throw new ExpectedError("not_found");
    const rows = await tx
      .select({
        reportId: reportMedia.reportId,
        position: reportMedia.position,
        sha256: media.sha256,
        mime: media.mime,
        size: media.size,
        receivedAt: media.receivedAt,
        reportSubmittedAt: reports.submittedAt,
      })
      .from(reportMedia)
      .innerJoin(reports, eq(reports.id, reportMedia.reportId))
      .innerJoin(media, eq(media.sha256, reportMedia.sha256))
      .where(eq(reports.caseId, caseId))
      .orderBy(reports.submittedAt, reportMedia.position);
    const unique = [...new Set(rows.map((r) => r.sha256))];
    const bytes = unique.length
      ? await tx
          .select({ sha256: media.sha256, bytes: media.bytes })
          .from(media)
          .where(and(inArray(media.sha256, unique)))
      : [];
    const files: Record<string, Uint8Array> = {};
    for (const b of bytes) files[`images/${b.sha256}.webp`] = new Uint8Array(b.bytes);
    const manifest = {
      case: { id: c.id, ref: Number(c.ref) },
      exportedAt: new Date().toISOString(),
      exportedBy: actor.email,
      images: rows.map((r) => ({
        file: `images/${r.sha256}.webp`,
        sha256: r.sha256,
        size: r.size,
        mime: r.mime,
        receivedAt: r.receivedAt.toISOString(),
        reportId: r.reportId,
        reportSubmittedAt: r.reportSubmittedAt.toISOString(),
        caseId: c.id,
      })),
    };
    files["manifest.json"] = strToU8(JSON.stringify(manifest, null, 2));
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "case.export_evidence",
      targetType: "case",
      targetId: c.id,
      details: { images: unique.length },
    });
    // Pictures are already compressed: stored as they are.
    return { zip: zipSync(files, { level: 0 }), ref: Number(c.ref) };
  });
}
