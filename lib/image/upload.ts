import "server-only";
import os from "node:os";
import sharp from "sharp";
import { ExpectedError } from "@/lib/errors";
import { MAX_IMAGE_BYTES, MAX_IMAGES, normalizeImage, type NormalizedImage } from "./normalize";

// Decoding a 12-megapixel photo holds ~36 MB of pixels: at most this many at once per process,
// the others wait, so a burst of uploads costs bounded memory (BENCHMARKS.md, image intake).
const PARALLEL = Math.max(1, Math.min(2, os.availableParallelism()));
sharp.cache(false);
sharp.concurrency(1);

let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= PARALLEL) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** The files a report came with (form or API), normalised in order; refused with a reason. */
export async function readImages(files: readonly Blob[]): Promise<NormalizedImage[]> {
  // An empty file field still sends a part (no name, application/octet-stream): not a picture.
  // A zero-byte file that claims to be one is refused below.
  const given = files.filter(
    (f) => f.size > 0 || (f.type !== "" && f.type !== "application/octet-stream"),
  );
  if (given.length > MAX_IMAGES)
    throw new ExpectedError("validation_failed", { reason: "image_too_many" });
  const out: NormalizedImage[] = [];
  for (const file of given) {
    if (file.size > MAX_IMAGE_BYTES)
      throw new ExpectedError("payload_too_large", { reason: "image_too_big" });
    const bytes = new Uint8Array(await file.arrayBuffer());
    out.push(await slot(() => normalizeImage(bytes)));
  }
  return out;
}

/** The files of a multipart body: `images[]` (the API's name) or `images` (the form's). */
export const imageFilesOf = (fd: FormData): File[] =>
  [...fd.getAll("images[]"), ...fd.getAll("images")].filter(
    (v): v is File => typeof v !== "string",
  );
