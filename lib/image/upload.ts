import "server-only";
import os from "node:os";
import sharp from "sharp";
import { ExpectedError } from "@/lib/errors";
import type { MultipartLimits } from "@/lib/http/multipart";
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

// Upload bodies being read or waiting for a slot are held in memory too: bodies are admitted
// while their declared sizes fit this budget, the others wait unread (the client's bytes stay
// in its socket), so a burst of large uploads cannot hold more than this at once.
export const UPLOAD_BUDGET_BYTES = 48 * 1024 * 1024;
let admitted = 0;
const queue: { bytes: number; go: () => void }[] = [];
const admitNext = () => {
  while (queue.length > 0 && (admitted === 0 || admitted + queue[0].bytes <= UPLOAD_BUDGET_BYTES)) {
    const next = queue.shift()!;
    admitted += next.bytes;
    next.go();
  }
};

/**
 * Runs `work` (read an upload's body and normalise its pictures) once the body's declared size
 * (the largest allowed when it declares none) fits the upload budget; first come, first served.
 */
export async function withinUploadBudget<T>(
  declaredBytes: number | null,
  work: () => Promise<T>,
): Promise<T> {
  const max = REPORT_MULTIPART.maxBytes;
  const bytes = Math.min(
    UPLOAD_BUDGET_BYTES,
    declaredBytes !== null && Number.isFinite(declaredBytes) && declaredBytes >= 0
      ? Math.min(declaredBytes, max)
      : max,
  );
  await new Promise<void>((go) => {
    queue.push({ bytes, go });
    admitNext();
  });
  try {
    return await work();
  } finally {
    admitted -= bytes;
    admitNext();
  }
}

/** The file fields pictures come in: `images[]` (the API's name) or `images` (the form's). */
export const IMAGE_FIELDS = ["images[]", "images"] as const;

/** What a multipart report body may hold: four pictures of 10 MB and the text fields. */
export const REPORT_MULTIPART: MultipartLimits = {
  maxBytes: MAX_IMAGES * MAX_IMAGE_BYTES + 256 * 1024,
  fileFields: IMAGE_FIELDS,
  maxFiles: MAX_IMAGES,
  maxFileBytes: MAX_IMAGE_BYTES,
  maxFieldBytes: 64 * 1024,
};

/** The pictures a report came with (form or API), normalised in order; refused with a reason. */
export async function readImages(files: readonly Uint8Array[]): Promise<NormalizedImage[]> {
  if (files.length > MAX_IMAGES)
    throw new ExpectedError("validation_failed", { reason: "image_too_many" });
  if (files.some((f) => f.length > MAX_IMAGE_BYTES))
    throw new ExpectedError("payload_too_large", { reason: "image_too_big" });
  const out: NormalizedImage[] = [];
  for (const bytes of files) out.push(await slot(() => normalizeImage(bytes)));
  return out;
}

/**
 * The pictures of a form the framework parsed (the report form's action, without JavaScript).
 * An empty file field still sends a part (no name, application/octet-stream): not a picture;
 * a zero-byte file that claims to be one is refused by the normaliser.
 */
export async function imagesOfFormData(fd: FormData): Promise<Uint8Array[]> {
  const files = IMAGE_FIELDS.flatMap((name) => fd.getAll(name)).filter(
    (v): v is File =>
      typeof v !== "string" &&
      (v.size > 0 || (v.type !== "" && v.type !== "application/octet-stream")),
  );
  if (files.length > MAX_IMAGES)
    throw new ExpectedError("validation_failed", { reason: "image_too_many" });
  if (files.some((f) => f.size > MAX_IMAGE_BYTES))
    throw new ExpectedError("payload_too_large", { reason: "image_too_big" });
  return Promise.all(files.map(async (f) => new Uint8Array(await f.arrayBuffer())));
}
