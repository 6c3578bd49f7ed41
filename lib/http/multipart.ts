import "server-only";
import busboy from "busboy";
import { ExpectedError } from "@/lib/errors";

export interface MultipartFile {
  field: string;
  bytes: Buffer;
}

export interface MultipartBody {
  /** The text fields, as a FormData of strings (what the report schema reads). */
  fields: FormData;
  /** The accepted file fields' files, in order; each held once, as one buffer. */
  files: MultipartFile[];
}

export interface MultipartLimits {
  /** The whole body, counted as it arrives: over it, reading stops with a 413. */
  maxBytes: number;
  /** File fields to keep; a file in any other field is read past and dropped. */
  fileFields: readonly string[];
  maxFiles: number;
  maxFileBytes: number;
  /** Each text field: a longer one is refused (413), not cut. */
  maxFieldBytes: number;
}

const refuse = (code: "validation_failed" | "payload_too_large", reason: string) =>
  new ExpectedError(code, { reason });

/**
 * A multipart/form-data body parsed as it arrives (busboy), so an upload is held in memory once:
 * not as the raw body, then a parsed form, then a file's copy. Too many files, a file over its
 * limit or a field over its size are refused once the body is read (their bytes are dropped as
 * they come); a body over `maxBytes` stops being read at once.
 */
export async function readMultipart(req: Request, limits: MultipartLimits): Promise<MultipartBody> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;\s*boundary=/i.test(type))
    throw new ExpectedError("unsupported_media_type");
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limits.maxBytes)
    throw new ExpectedError("payload_too_large");
  if (!req.body) throw new ExpectedError("validation_failed");

  const fields = new FormData();
  const files: MultipartFile[] = [];
  let refusal: ExpectedError | null = null;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": type },
      limits: {
        files: limits.maxFiles,
        fileSize: limits.maxFileBytes,
        fieldSize: limits.maxFieldBytes,
        fields: 64,
        parts: 128,
      },
    });
  } catch {
    throw refuse("validation_failed", "multipart");
  }
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) refusal ??= new ExpectedError("payload_too_large");
      else fields.append(name, value);
    });
    parser.on("file", (name, stream, info) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const keep = limits.fileFields.includes(name);
      // A body cut short or refused ends the file's stream with an error: the parser reports it.
      stream.on("error", () => {});
      stream.on("data", (chunk: Buffer) => {
        if (!keep) return;
        size += chunk.length;
        chunks.push(chunk);
      });
      stream.on("limit", () => {
        refusal ??= refuse("payload_too_large", "image_too_big");
        chunks.length = 0;
      });
      stream.on("end", () => {
        // An empty file field still sends a part with no name and no bytes: not a file.
        if (!keep || stream.truncated || (size === 0 && !info.filename)) return;
        files.push({ field: name, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) });
        chunks.length = 0;
      });
    });
    parser.on("filesLimit", () => (refusal ??= refuse("validation_failed", "image_too_many")));
    parser.on("fieldsLimit", () => (refusal ??= refuse("validation_failed", "multipart")));
    parser.on("partsLimit", () => (refusal ??= refuse("validation_failed", "multipart")));
    parser.on("close", resolve);
    parser.on("error", () => reject(refuse("validation_failed", "multipart")));
  });
  // Marks the promise handled: a feeding error below is the one reported.
  parsed.catch(() => {});

  const reader = req.body.getReader();
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > limits.maxBytes) throw new ExpectedError("payload_too_large");
      if (!parser.write(value))
        await Promise.race([new Promise((go) => parser.once("drain", go)), parsed]);
    }
    parser.end();
    await parsed;
  } catch (error) {
    await reader.cancel().catch(() => {});
    parser.destroy();
    throw error;
  }
  if (refusal) throw refusal;
  return { fields, files };
}
