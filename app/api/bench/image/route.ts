import sharp from "sharp";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/http/errors";
import { readMultipartBody } from "@/lib/http/request";
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from "@/lib/image/normalize";

// The ceiling of the image-intake benchmark: the same body reading, then only what any app
// must do with a picture: decode, turn upright, strip and re-encode with sharp. No thumbnail,
// no PDQ, no database. 404 unless BENCH_ROUTES=true.
export async function POST(req: Request) {
  if (!env.BENCH_ROUTES) return new Response("Not found", { status: 404 });
  try {
    const fd = await readMultipartBody(req, 4 * MAX_IMAGE_BYTES + 256 * 1024);
    const file = fd.get("images[]");
    if (!file || typeof file === "string") return new Response("no picture", { status: 400 });
    const out = await sharp(Buffer.from(await file.arrayBuffer()), {
      limitInputPixels: MAX_IMAGE_PIXELS,
      failOn: "error",
      pages: 1,
    })
      .rotate()
      .toColourspace("srgb")
      .webp({ quality: 85 })
      .toBuffer();
    return Response.json({ size: out.length }, { status: 201 });
  } catch (error) {
    return errorResponse(error, "en");
  }
}
