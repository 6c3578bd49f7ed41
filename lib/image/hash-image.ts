import sharp, { type Sharp } from "sharp";
import { lumaOf, pdqFromLuma, type Pdq } from "./pdq";

/** The reference hashes a picture no larger than 512 × 512: the filter's cost stays bounded. */
const PDQ_MAX_SIDE = 512;
/** How far (0–255, any channel) a pixel may be from the border's colour and still be border. */
const BORDER_THRESHOLD = 12;

const toLuma = async (image: Sharp) => {
  const { data, info } = await image
    .resize(PDQ_MAX_SIDE, PDQ_MAX_SIDE, {
      fit: "inside",
      withoutEnlargement: true,
      kernel: "cubic",
    })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pdq = pdqFromLuma(
    lumaOf(data, info.width, info.height, info.channels),
    info.width,
    info.height,
  );
  return { ...pdq, width: info.width, height: info.height, data, info };
};

/**
 * PDQ of an encoded image, as the reference computes it (the conformance test and
 * `npm run pdq`). `orient`: apply its EXIF orientation first (what a viewer shows); the
 * reference hashes the pixels as stored, so the conformance test passes false.
 */
export async function pdqOfImage(
  input: Buffer,
  opts: { orient?: boolean } = {},
): Promise<Pdq & { width: number; height: number }> {
  let image = sharp(input, { failOn: "error" });
  if (opts.orient !== false) image = image.rotate();
  const { hash, quality, width, height } = await toLuma(image.toColourspace("srgb"));
  return { hash, quality, width, height };
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The picture inside bars of one colour (a screenshot's, a letterbox): the colour is the
 * top-left pixel's, and a row or column is border while every pixel in it is within the
 * threshold of it. Scans inwards from each edge, so a photo without bars costs one row.
 * The whole picture when it is all border.
 */
export function contentBox(
  px: Uint8Array,
  width: number,
  height: number,
  channels: number,
  threshold = BORDER_THRESHOLD,
): Box {
  const bg = px.subarray(0, channels);
  const colour = Math.min(channels, 3);
  const isBorder = (x: number, y: number) => {
    const o = (y * width + x) * channels;
    for (let c = 0; c < colour; c++) if (Math.abs(px[o + c] - bg[c]) > threshold) return false;
    return true;
  };
  const rowIsBorder = (y: number, x0: number, x1: number) => {
    for (let x = x0; x < x1; x++) if (!isBorder(x, y)) return false;
    return true;
  };
  const columnIsBorder = (x: number, y0: number, y1: number) => {
    for (let y = y0; y < y1; y++) if (!isBorder(x, y)) return false;
    return true;
  };
  let top = 0;
  while (top < height && rowIsBorder(top, 0, width)) top++;
  if (top === height) return { left: 0, top: 0, width, height };
  let bottom = height;
  while (bottom > top && rowIsBorder(bottom - 1, 0, width)) bottom--;
  let left = 0;
  while (left < width && columnIsBorder(left, top, bottom)) left++;
  let right = width;
  while (right > left && columnIsBorder(right - 1, top, bottom)) right--;
  return { left, top, width: right - left, height: bottom - top };
}

type Raw = { width: number; height: number; channels: 1 | 2 | 3 | 4 };

/**
 * PDQ of already decoded, upright sRGB pixels (what intake has in hand: no second decode).
 * Bars of one colour around the picture are cut first: PDQ is not robust to them, and a
 * screenshot of a picture is the same picture. The reference does not do this.
 * `whole`: the picture brought down to 512 px for the hash, when that is the whole picture
 * (no bars, no transparency), so that a thumbnail can be made from it without a second pass
 * over every pixel.
 */
export async function pdqOfPixels(
  pixels: Buffer,
  raw: Raw,
): Promise<Pdq & { whole: { data: Buffer; info: Raw } | null }> {
  const box = contentBox(pixels, raw.width, raw.height, raw.channels);
  const trimmed = box.width !== raw.width || box.height !== raw.height;
  let image = sharp(pixels, { raw });
  if (trimmed) image = image.extract(box);
  const { hash, quality, data, info } = await toLuma(image);
  const opaque = raw.channels === 1 || raw.channels === 3;
  return {
    hash,
    quality,
    whole: trimmed || !opaque ? null : { data, info: info as Raw },
  };
}
