import { createHash } from "node:crypto";
import sharp from "sharp";
import { ExpectedError } from "@/lib/errors";
import { pdqOfPixels } from "./hash-image";
import { MAX_IMAGE_BYTES } from "./limits";

// What a citizen's picture becomes before anything is stored: sniffed by its bytes, decoded
// with a pixel limit, turned upright, converted to sRGB and re-encoded without a single
// metadata block (EXIF, GPS, XMP, IPTC, comments, serial numbers), plus a thumbnail. The
// original bytes are never written anywhere; what was appended to them (a script, a ZIP) does
// not survive the re-encoding.

export { MAX_IMAGE_BYTES, MAX_IMAGES } from "./limits";
/** A 30,000 × 30,000 PNG is a decompression bomb: refused before it is decoded. */
export const MAX_IMAGE_PIXELS = 40_000_000;
/**
 * Stored pictures keep up to this many pixels (2048 × 2048): what a phone sends stays as sent,
 * a 12-megapixel photo is kept at 2364 × 1773 and a long scrolled screenshot stays readable
 * (a cap on the longest side would shrink its text). Decoding and encoding at this size, not
 * the camera's, is what bounds an upload's memory (BENCHMARKS.md, "Evidence pictures").
 */
export const MAX_STORED_PIXELS = 2048 * 2048;
/** The longest side that fits `width × height` within MAX_STORED_PIXELS, keeping its shape. */
export const storedSide = (width: number, height: number) =>
  Math.max(width, height) * Math.min(1, Math.sqrt(MAX_STORED_PIXELS / Math.max(1, width * height)));
const THUMB_SIDE = 320;

export type ImageType = "jpeg" | "png" | "webp" | "avif" | "gif";

/** The picture's type from its first bytes; the name and the declared type are not read. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return "jpeg";
  if (bytes.length >= 8 && ascii(0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (bytes.length >= 6 && (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a")) return "gif";
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (bytes.length >= 12 && ascii(4, 8) === "ftyp") {
    // The ftyp box's brands: the major one and the compatible ones after the minor version.
    const size = Math.min(
      bytes.length,
      (bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3],
    );
    for (let o = 8; o + 4 <= size; o += o === 8 ? 8 : 4)
      if (["avif", "avis"].includes(ascii(o, o + 4))) return "avif";
  }
  return null;
}

export interface NormalizedImage {
  /** SHA-256 of the stored bytes: the same picture sent twice is stored once. */
  sha256: string;
  mime: "image/webp";
  bytes: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
  pdq: string;
  pdqQuality: number;
}

const refuse = (reason: string) => new ExpectedError("unsupported_media_type", { reason });

/** Refuses what is not a picture this app takes, with a reason the form can show. */
export async function normalizeImage(input: Uint8Array): Promise<NormalizedImage> {
  if (input.length === 0) throw refuse("image_empty");
  if (input.length > MAX_IMAGE_BYTES)
    throw new ExpectedError("payload_too_large", { reason: "image_too_big" });
  if (!sniffImage(input)) throw refuse("image_type");
  try {
    const meta = await sharp(input, {
      limitInputPixels: MAX_IMAGE_PIXELS,
      failOn: "none",
    }).metadata();
    if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_IMAGE_PIXELS) throw refuse("image_too_large");
    // Decoded once, at the stored size (a JPEG shrinks while it decodes), upright and in sRGB
    // (pages 1: a GIF's or an animated WebP's first frame; failOn "error": a truncated file is
    // refused rather than shown half grey). The stored picture, its thumbnail and its hash are
    // all made from these pixels.
    const side = Math.floor(storedSide(meta.width ?? 1, meta.pageHeight ?? meta.height ?? 1));
    const { data: pixels, info: raw } = await sharp(input, {
      limitInputPixels: MAX_IMAGE_PIXELS,
      failOn: "error",
      pages: 1,
    })
      .rotate()
      .resize(side, side, { fit: "inside", withoutEnlargement: true })
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { data: bytes, info } = await sharp(pixels, { raw })
      .webp({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    const pdq = await pdqOfPixels(pixels, raw);
    // The thumbnail from the hash's 512 px copy when it is the whole picture (most are).
    const thumb = await (
      pdq.whole ? sharp(pdq.whole.data, { raw: pdq.whole.info }) : sharp(pixels, { raw })
    )
      .resize(THUMB_SIDE, THUMB_SIDE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
    return {
      sha256: createHash("sha256").update(bytes).digest("hex"),
      mime: "image/webp",
      bytes,
      thumb,
      width: info.width,
      height: info.height,
      pdq: pdq.hash,
      pdqQuality: pdq.quality,
    };
  } catch (error) {
    if (error instanceof ExpectedError) throw error;
    const message = error instanceof Error ? error.message : "";
    throw refuse(/pixel limit/i.test(message) ? "image_too_large" : "image_unreadable");
  }
}
