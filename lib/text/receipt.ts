import { createHash, randomBytes } from "node:crypto";

// Crockford base32: no I, L, O, U, so a receipt read aloud or copied by hand survives.
export const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RECEIPT_CHARS = 16; // 16 × 5 bits = 80 bits, all random

/** Encodes bytes as Crockford base32, 5 bits per character, most significant first. */
export function toCrockford(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CROCKFORD[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += CROCKFORD[(buffer << (5 - bits)) & 31];
  return out;
}

/** A new receipt, canonical form (16 characters, no separators). */
export function newReceipt(random: (n: number) => Uint8Array = randomBytes): string {
  return toCrockford(random(10));
}

/** `7KQM3XPA9DTRW2HB` → `7KQM-3XPA-9DTR-W2HB`. */
export function formatReceipt(canonical: string): string {
  return canonical.match(/.{1,4}/g)?.join("-") ?? canonical;
}

/**
 * Reads what a person typed: any case, spaces and dashes anywhere, and the look-alikes
 * Crockford allows (I and L read as 1, O as 0). Returns the canonical form or null.
 */
export function parseReceipt(input: string): string | null {
  if (typeof input !== "string" || input.length > 64) return null;
  const cleaned = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-_.\u2010-\u2015\u2212]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  if (cleaned.length !== RECEIPT_CHARS) return null;
  for (const ch of cleaned) if (!CROCKFORD.includes(ch)) return null;
  return cleaned;
}

/** What is stored: the receipt itself never is. */
export function hashReceipt(canonical: string): string {
  return createHash("sha256").update(`iblagh-receipt:${canonical}`).digest("hex");
}
