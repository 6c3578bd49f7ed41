import "server-only";
import { ExpectedError } from "@/lib/errors";
import { keyedHash } from "@/lib/security/crypto";
import { getSecrets } from "@/lib/security/secrets";
import { CLIENT_HEADER } from "@/scripts/client-address.mjs";

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * A body's bytes, counted as they arrive: a missing or false Content-Length must not let a huge
 * body in (413). Multipart bodies are parsed as they arrive instead (lib/http/multipart.ts).
 */
async function readBodyBytes(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes)
    throw new ExpectedError("payload_too_large");
  if (!req.body) throw new ExpectedError("invalid_json");
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new ExpectedError("payload_too_large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON body, refusing non-JSON (415), bodies over the limit (413) and bad JSON (400). */
export async function readJsonBody(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type))
    throw new ExpectedError("unsupported_media_type");
  const bytes = await readBodyBytes(req, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ExpectedError("invalid_json");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ExpectedError("invalid_json");
  }
}

/**
 * A stable, non-reversible identifier of the client for rate limiting. The address itself is
 * never stored. It comes from the header our HTTP server (scripts/server.mjs) sets from the
 * socket and TRUST_PROXY_HOPS, never from a header the client wrote: served any other way
 * (`next start` by hand), every client shares one bucket rather than choosing its own.
 */
export function clientKey(headers: Headers): string {
  const address = headers.get(CLIENT_HEADER)?.trim() || "unknown";
  return keyedHash(address, getSecrets().encryptionKey, "client");
}
