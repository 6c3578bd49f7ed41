import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { unzipSync, strFromU8 } from "fflate";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { answeredBefore } from "@/lib/cases/answered";
import { normalizeImage } from "@/lib/image/normalize";
import { storeReport } from "@/lib/reports/store";
import { reportSchema } from "@/lib/reports/schema";
import { withTestDb } from "@/lib/testing/db";
import { reportOfReceipt, staff } from "@/lib/testing/fixtures";
import { exportEvidence, readEvidence } from "./evidence";
import { purgeExpiredMedia } from "./retention";

const conn = withTestDb();
let n = 0;

const picture = (hue: number) =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: { r: hue, g: 40, b: 90 } } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="800" height="600"><circle cx="${200 + hue}" cy="300" r="150" fill="#fff"/><rect x="500" y="${50 + hue / 2}" width="200" height="120" fill="#000"/></svg>`,
        ),
      },
    ])
    .jpeg()
    .toBuffer()
    .then(normalizeImage);

async function reportWith(images: Awaited<ReturnType<typeof picture>>[]) {
  const input = reportSchema.parse({
    kind: "rumor",
    category: "manipulated_media",
    platform: "whatsapp",
    description: `صورة متداولة عن حادث ${++n} ${Math.random()}`,
    declaration: true,
  });
  const r = await storeReport(conn.db, input, { locale: "ar", images });
  return reportOfReceipt(conn.db, r.receipt);
}
const auditCount = async (action: string) =>
  (
    (
      await conn.db.execute(
        sql`select count(*)::int as n from audit_events where action = ${action}`,
      )
    ).rows[0] as { n: number }
  ).n;

describe("evidence pictures for staff", () => {
  it("serves the thumbnail to case staff, the full picture as an audit event, nothing to others", async () => {
    const image = await picture(10);
    await reportWith([image]);
    const moderator = await staff(conn.db, ["moderator"]);
    const admin = await staff(conn.db, ["admin"]);
    const before = await auditCount("media.view");
    const thumb = await readEvidence(conn.db, moderator, image.sha256, "thumb");
    expect((await sharp(thumb.bytes).metadata()).width).toBeLessThanOrEqual(320);
    expect(await auditCount("media.view")).toBe(before);
    const full = await readEvidence(conn.db, moderator, image.sha256, "full");
    expect(createHash("sha256").update(full.bytes).digest("hex")).toBe(image.sha256);
    expect(await auditCount("media.view")).toBe(before + 1);
    await expect(readEvidence(conn.db, null, image.sha256, "thumb")).rejects.toMatchObject({
      code: "unauthorized",
    });
    await expect(readEvidence(conn.db, admin, image.sha256, "thumb")).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(readEvidence(conn.db, moderator, "../etc/passwd", "full")).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("exports a case's pictures with a manifest whose hashes match the files", async () => {
    const [a, b] = [await picture(60), await picture(120)];
    const { caseId, id: reportId } = await reportWith([a, b]);
    const moderator = await staff(conn.db, ["moderator"]);
    const { zip } = await exportEvidence(conn.db, moderator, caseId);
    const files = unzipSync(zip);
    const manifest = JSON.parse(strFromU8(files["manifest.json"]));
    expect(manifest.images).toHaveLength(2);
    for (const entry of manifest.images) {
      expect(entry).toMatchObject({ reportId, caseId });
      expect(createHash("sha256").update(files[entry.file]).digest("hex")).toBe(entry.sha256);
    }
    expect(await auditCount("case.export_evidence")).toBeGreaterThan(0);
  });

  it("a closed case holding the same picture is answered before", async () => {
    const image = await picture(180);
    const first = await reportWith([image]);
    await conn.db.execute(
      sql`update cases set status = 'debunked', closed_at = now() where id = ${first.caseId}`,
    );
    const again = await reportWith([image]);
    expect(again.caseId).not.toBe(first.caseId);
    const answered = await answeredBefore(
      conn.db,
      { id: again.caseId, kind: "rumor", text: null },
      0.3,
    );
    expect(answered.map((a) => a.id)).toContain(first.caseId);
  });
});

describe("media retention", () => {
  it("deletes pictures of long-closed no_action cases and pictures nobody refers to; keeps the rest", async () => {
    const [old, kept] = [await picture(200), await picture(230)];
    const closed = await reportWith([old]);
    await reportWith([kept]);
    await conn.db.execute(
      sql`update cases set status = 'no_action', closed_at = now() - interval '400 days' where id = ${closed.caseId}`,
    );
    // Received two hours ago, as if it had been.
    await conn.db.execute(sql`update media set received_at = now() - interval '2 hours'`);
    await purgeExpiredMedia(conn.db);
    const left = (
      await conn.db.execute(
        sql`select sha256 from media where sha256 in (${old.sha256}, ${kept.sha256})`,
      )
    ).rows.map((r) => (r as { sha256: string }).sha256);
    expect(left).toEqual([kept.sha256]);
  });
});

describe("media storage", () => {
  it("keeps picture bytes out of line without compressing them again", async () => {
    const { rows } = await conn.db.execute(
      sql`select attname, attstorage from pg_attribute
          where attrelid = 'media'::regclass and attname in ('bytes', 'thumb') order by attname`,
    );
    expect(rows).toEqual([
      { attname: "bytes", attstorage: "e" },
      { attname: "thumb", attstorage: "e" },
    ]);
  });
});
