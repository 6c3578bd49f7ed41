import { sql } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { normalizeImage, type NormalizedImage } from "@/lib/image/normalize";
import { withTestDb } from "@/lib/testing/db";
import { reportOfReceipt } from "@/lib/testing/fixtures";
import { reportSchema } from "./schema";
import { storeReport } from "./store";

// Pictures join a report to the open case that holds them: the same bytes, or a near-copy by
// PDQ. Images are drawn here, so the test needs no fixtures and runs on both engines.
const conn = withTestDb();
let seed = 1;

/** A busy picture (shapes at random places) that PDQ can tell from another. */
async function picture(s = seed++): Promise<Buffer> {
  let x = s * 9301 + 49297;
  const rand = () => (x = (x * 9301 + 49297) % 233280) / 233280;
  const shapes = Array.from({ length: 40 }, () => {
    const [cx, cy, r] = [rand() * 1200, rand() * 900, 20 + rand() * 120];
    const c = `rgb(${Math.floor(rand() * 255)},${Math.floor(rand() * 255)},${Math.floor(rand() * 255)})`;
    return rand() > 0.5
      ? `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${c}"/>`
      : `<rect x="${cx}" y="${cy}" width="${r * 2}" height="${r}" fill="${c}"/>`;
  }).join("");
  return sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900"><rect width="1200" height="900" fill="#777"/>${shapes}</svg>`,
    ),
  )
    .jpeg({ quality: 90 })
    .toBuffer();
}

const rumor = (patch: Record<string, unknown> = {}) =>
  reportSchema.parse({
    kind: "rumor",
    category: "manipulated_media",
    urls: [],
    platform: "whatsapp",
    description: `صورة متداولة عن حادث خطير ${seed++} ${Date.now()}`,
    declaration: true,
    ...patch,
  });

async function send(images: NormalizedImage[], patch: Record<string, unknown> = {}) {
  const receipt = await storeReport(conn.db, rumor(patch), { locale: "ar", images });
  return (await reportOfReceipt(conn.db, receipt.receipt)).caseId;
}
const counter = async (metric: string) =>
  Number(
    (
      (
        await conn.db.execute(
          sql`select coalesce(sum(value), 0)::int as n from stats_yearly where metric = ${metric} and dimension = ''`,
        )
      ).rows[0] as { n: number }
    ).n,
  );

describe("pictures in a report", () => {
  it("near-copies join the case of the original; another picture opens its own", async () => {
    const original = await picture();
    const first = await normalizeImage(original);
    expect(first.pdqQuality).toBeGreaterThanOrEqual(50);
    const caseId = await send([first]);

    const meta = await sharp(original).metadata();
    const variants: Record<string, Buffer> = {
      resized: await sharp(original).resize(600).jpeg({ quality: 80 }).toBuffer(),
      recompressed: await sharp(original).jpeg({ quality: 25 }).toBuffer(),
      brightened: await sharp(original).modulate({ brightness: 1.15 }).jpeg().toBuffer(),
      cropped: await sharp(original)
        .extract({ left: 18, top: 14, width: meta.width! - 36, height: meta.height! - 28 })
        .jpeg()
        .toBuffer(),
      screenshot: await sharp(original)
        .resize(1080)
        .extend({ top: 60, bottom: 90, background: "#000" })
        .png()
        .toBuffer(),
    };
    for (const [name, bytes] of Object.entries(variants))
      expect(await send([await normalizeImage(bytes)]), name).toBe(caseId);

    expect(await send([await normalizeImage(await picture())])).not.toBe(caseId);
  });

  it("the same bytes always join, even a featureless picture PDQ cannot use", async () => {
    const flat = await sharp({
      create: { width: 400, height: 300, channels: 3, background: "#fafafa" },
    })
      .png()
      .toBuffer();
    const image = await normalizeImage(flat);
    expect(image.pdqQuality).toBeLessThan(50);
    const caseId = await send([image]);
    expect(await send([image])).toBe(caseId);
    // Stored once, linked twice.
    const { rows } = await conn.db.execute(
      sql`select (select count(*)::int from media where sha256 = ${image.sha256}) as stored,
        (select count(*)::int from report_media where sha256 = ${image.sha256}) as linked`,
    );
    expect(rows[0]).toEqual({ stored: 1, linked: 2 });
  });

  it("links come first, and a picture never joins a case of the other kind", async () => {
    const image = await normalizeImage(await picture());
    const byImage = await send([image]);
    const url = `https://www.facebook.com/p/posts/img${Date.now()}`;
    const byLink = await send([], { urls: [url] });
    expect(await send([image], { urls: [url] })).toBe(byLink);
    const violent = await send([image], {
      kind: "violent_content",
      category: "violence",
      urls: [`https://x.com/a/status/${Date.now()}`],
    });
    expect(violent).not.toBe(byImage);
  });

  it("counts reports with pictures and those a picture joined to a case", async () => {
    const before = [await counter("reports_with_images"), await counter("reports_joined_by_image")];
    const image = await normalizeImage(await picture());
    await send([image]);
    await send([image]);
    await send([]);
    expect([
      await counter("reports_with_images"),
      await counter("reports_joined_by_image"),
    ]).toEqual([before[0] + 2, before[1] + 1]);
  });
});
