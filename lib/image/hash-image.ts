import sharp, { type Sharp } from "sharp";
import { lumaOf, pdqFromLuma, type Pdq } from "./pdq";

/** The reference hashes a picture no larger than 512 × 512: the filter's cost stays bounded. */
const PDQ_MAX_SIDE = 512;

/**
 * PDQ of an encoded image. `orient`: apply its EXIF orientation first (what a viewer shows; the
 * app always does, its stored images being upright already). The reference hashes the pixels
 * as stored, so the conformance test passes false.
 */
export async function pdqOfImage(
  input: Buffer | Sharp,
  opts: { orient?: boolean; trim?: boolean } = {},
): Promise<Pdq & { width: number; height: number }> {
  let image = Buffer.isBuffer(input) ? sharp(input, { failOn: "error" }) : input.clone();
  if (opts.orient !== false) image = image.rotate();
  // Bars of one colour around a picture (a screenshot's, a letterbox) are not the picture: PDQ
  // is not robust to them, so they are cut before hashing. The reference does not do this.
  if (opts.trim)
    image = sharp(
      await image
        .clone()
        .trim({ threshold: 12 })
        .png()
        .toBuffer()
        .catch(() => image.png().toBuffer()),
    );
  const { data, info } = await image
    .resize(PDQ_MAX_SIDE, PDQ_MAX_SIDE, {
      fit: "inside",
      withoutEnlargement: true,
      kernel: "cubic",
    })
    .toColourspace("srgb")
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const luma = lumaOf(data, info.width, info.height, info.channels);
  return { ...pdqFromLuma(luma, info.width, info.height), width: info.width, height: info.height };
}

/** PDQ of already decoded, upright pixels (what intake has in hand: no second decode). */
export async function pdqOfPixels(
  pixels: Buffer,
  raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 },
  opts: { trim?: boolean } = {},
): Promise<Pdq> {
  let image = sharp(pixels, { raw });
  if (opts.trim)
    image = sharp(
      await image
        .clone()
        .trim({ threshold: 12 })
        .png({ compressionLevel: 0 })
        .toBuffer()
        .catch(() => image.png({ compressionLevel: 0 }).toBuffer()),
    );
  const { data, info } = await image
    .resize(PDQ_MAX_SIDE, PDQ_MAX_SIDE, {
      fit: "inside",
      withoutEnlargement: true,
      kernel: "cubic",
    })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return pdqFromLuma(lumaOf(data, info.width, info.height, info.channels), info.width, info.height);
}
