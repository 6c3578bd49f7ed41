import { pngClaiming } from "@/lib/testing/hostile-files";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ExpectedError } from "@/lib/errors";
import { MAX_IMAGE_BYTES, MAX_STORED_PIXELS, normalizeImage, sniffImage } from "./normalize";

// Hostile and awkward files, each refused with its reason or accepted clean, never stored raw.
const photo = (width = 640, height = 480) =>
  sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } },
  }).composite([
    {
      input: Buffer.from(
        `<svg width="${width}" height="${height}"><rect x="10" y="10" width="${width / 3}" height="${height / 4}" fill="#123"/><circle cx="${width / 2}" cy="${height / 2}" r="${height / 5}" fill="#eee"/></svg>`,
      ),
    },
  ]);

const reasonOf = async (bytes: Uint8Array) => {
  try {
    await normalizeImage(bytes);
    return "accepted";
  } catch (error) {
    return error instanceof ExpectedError ? `${error.code}:${error.detail?.reason}` : "crash";
  }
};

describe("normalizeImage", () => {
  it("strips every metadata block, GPS included, and keeps the picture upright", async () => {
    const jpeg = await photo(640, 480)
      .withExif({
        IFD0: { Make: "PhoneMaker", Model: "X1", Copyright: "serial 12345" },
        GPS: { GPSLatitudeRef: "N", GPSLatitude: "33/1 35/1 0/1" },
      } as never)
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const out = await normalizeImage(jpeg);
    const meta = await sharp(out.bytes).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(out.bytes.includes(Buffer.from("PhoneMaker"))).toBe(false);
    // Orientation 6 (rotated 90°): shown as 480 × 640.
    expect([out.width, out.height]).toEqual([480, 640]);
    expect((await sharp(out.thumb).metadata()).width).toBeLessThanOrEqual(320);
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(out.pdq).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("turns EXIF orientation %i upright", async (orientation) => {
    const jpeg = await photo(300, 200).withMetadata({ orientation }).jpeg().toBuffer();
    const out = await normalizeImage(jpeg);
    expect([out.width, out.height]).toEqual(orientation >= 5 ? [200, 300] : [300, 200]);
  });

  it("accepts CMYK JPEG, 16-bit PNG, WebP, AVIF and GIF, all stored as sRGB WebP", async () => {
    const inputs = [
      await photo().toColourspace("cmyk").jpeg().toBuffer(),
      await photo().toColourspace("rgb16").png().toBuffer(),
      await photo().webp().toBuffer(),
      await photo().avif({ effort: 0 }).toBuffer(),
      await photo().gif().toBuffer(),
    ];
    for (const input of inputs) {
      const out = await normalizeImage(input);
      const meta = await sharp(out.bytes).metadata();
      expect([meta.format, meta.space]).toEqual(["webp", "srgb"]);
    }
  });

  it("keeps what a phone sends as sent, and brings a camera's photo to 4.2 megapixels", async () => {
    const phone = await normalizeImage(await photo(2048, 1536).jpeg().toBuffer());
    expect([phone.width, phone.height]).toEqual([2048, 1536]);
    const camera = await normalizeImage(await photo(4000, 3000).jpeg().toBuffer());
    expect([camera.width, camera.height]).toEqual([2364, 1773]);
    // A long scrolled screenshot keeps its width readable: the cap is on pixels, not a side.
    const scroll = await normalizeImage(await photo(1080, 6000).png().toBuffer());
    expect(scroll.width).toBeGreaterThan(800);
    // (within a row's rounding)
    expect(scroll.width * scroll.height).toBeLessThanOrEqual(MAX_STORED_PIXELS + scroll.width);
    // Three full-size encodes: ~2 s alone, over 5 s on a busy two-core machine (CI's e2e).
  }, 30_000);

  it("takes a 1,000-frame GIF's first frame only", async () => {
    const frames = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        sharp({
          create: {
            width: 40,
            height: 30,
            channels: 3,
            background: { r: i % 256, g: i >> 2, b: 9 },
          },
        })
          .png()
          .toBuffer(),
      ),
    );
    const gif = await sharp(frames, { join: { animated: true } })
      .gif()
      .toBuffer();
    expect((await sharp(gif).metadata()).pages).toBeGreaterThan(100);
    const out = await normalizeImage(gif);
    expect((await sharp(out.bytes).metadata()).pages ?? 1).toBe(1);
  });

  it("re-encodes a picture carrying a script or a ZIP after its end: the payload is gone", async () => {
    const jpeg = await photo().jpeg().toBuffer();
    const script = Buffer.from("<script>alert(1)</script>");
    const zip = Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(64, 1)]);
    for (const tail of [script, zip]) {
      const out = await normalizeImage(Buffer.concat([jpeg, tail]));
      expect(out.bytes.includes(tail.subarray(0, 8))).toBe(false);
    }
  });

  it("refuses what is not a picture, or not a whole one, with its reason", async () => {
    const jpeg = await photo().jpeg().toBuffer();
    expect(await reasonOf(new Uint8Array(0))).toBe("unsupported_media_type:image_empty");
    expect(await reasonOf(jpeg.subarray(0, jpeg.length / 2))).toBe(
      "unsupported_media_type:image_unreadable",
    );
    expect(await reasonOf(Buffer.from("<html><script>alert(1)</script></html>"))).toBe(
      "unsupported_media_type:image_type",
    );
    expect(
      await reasonOf(
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      ),
    ).toBe("unsupported_media_type:image_type");
    expect(await reasonOf(Buffer.from("PK\x03\x04 a zip named photo.jpg", "latin1"))).toBe(
      "unsupported_media_type:image_type",
    );
    expect(await reasonOf(Buffer.from("%PDF-1.7 a pdf"))).toBe("unsupported_media_type:image_type");
    expect(await reasonOf(Buffer.alloc(MAX_IMAGE_BYTES + 1, 0xff))).toBe(
      "payload_too_large:image_too_big",
    );
    expect(await reasonOf(pngClaiming(30_000, 30_000))).toBe(
      "unsupported_media_type:image_too_large",
    );
  });

  it("sniffs by content, whatever the name says", () => {
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffImage(Buffer.from("GIF89a......"))).toBe("gif");
    expect(sniffImage(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toBe("webp");
    expect(sniffImage(Buffer.from("<svg"))).toBeNull();
  });
});
