import sharp from "sharp";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/http/errors";
import { readMultipart } from "@/lib/http/multipart";
import { MAX_IMAGE_PIXELS, storedSide } from "@/lib/image/normalize";
import { REPORT_MULTIPART } from "@/lib/image/upload";

// The ceiling of the image-intake benchmark: the same body reading, then only what any app
// must do to store the picture as intake stores it: decode, turn upright, bring to the stored
// size, strip and re-encode with sharp. No thumbnail, no PDQ, no database.
// 404 unless BENCH_ROUTES=true.
export async function POST(req: Request) {
  if (!env.BENCH_ROUTES) return new Response("Not found", { status: 404 });
  try {
    const { files } = await readMultipart(req, REPORT_MULTIPART);
    if (files.length === 0) return new Response("no picture", { status: 400 });
    const image = sharp(files[0].bytes, {
      limitInputPixels: MAX_IMAGE_PIXELS,
      failOn: "error",
      pages: 1,
    });
    const { width = 1, height = 1 } = await image.metadata();
    const side = Math.floor(storedSide(width, height));
    const out = await image
      .rotate()
      .resize(side, side, { fit: "inside", withoutEnlargement: true })
      .toColourspace("srgb")
      .webp({ quality: 85 })
      .toBuffer();
    return Response.json({ size: out.length }, { status: 201 });
  } catch (error) {
    return errorResponse(error, "en");
  }
}
