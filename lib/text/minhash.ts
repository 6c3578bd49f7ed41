// Near-duplicate detection for forwarded messages without links. A text's character 5-gram
// set is summarised by MinHash; its bands become a few integer keys, so candidates are found
// by equality lookups (a btree) instead of comparing against every stored description.

const SHINGLE = 5;
export const BANDS = 20;
export const ROWS = 3; // BANDS × ROWS hash functions. P(candidate) ≈ 0.93 at Jaccard 0.5, 0.15 at 0.2.
const HASHES = BANDS * ROWS;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const SEEDS = Array.from({ length: HASHES }, (_, i) =>
  fmix32(0x9e3779b9 ^ Math.imul(i + 1, 0x27d4eb2d)),
);

/** Character 5-grams of a normalised text (lib/text/normalize.ts). */
export function shingles(norm: string): Set<string> {
  const out = new Set<string>();
  if (norm.length <= SHINGLE) {
    if (norm) out.add(norm);
    return out;
  }
  for (let i = 0; i + SHINGLE <= norm.length; i++) out.add(norm.slice(i, i + SHINGLE));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export function signature(set: Set<string>): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const s of set) {
    const base = fnv1a(s);
    for (let i = 0; i < HASHES; i++) {
      const h = fmix32(base ^ SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** One key per band: the band number in the high 32 bits, the band's hash in the low 32. */
export function bandKeys(norm: string): bigint[] {
  const set = shingles(norm);
  if (set.size === 0) return [];
  const sig = signature(set);
  const keys: bigint[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b + 1;
    for (let r = 0; r < ROWS; r++) h = fmix32(h ^ Math.imul(sig[b * ROWS + r], 0x9e3779b1));
    keys.push((BigInt(b) << 32n) | BigInt(h));
  }
  return keys;
}

/**
 * Similarity of one text to many: its shingles are built once, each other text's once, and an
 * identical text scores 1 without counting (a viral message arrives many times over).
 */
export function similarityTo(norm: string): (other: string) => number {
  let own: Set<string> | undefined;
  const scores = new Map<string, number>();
  return (other) => {
    if (other === norm) return 1;
    let score = scores.get(other);
    if (score === undefined) {
      own ??= shingles(norm);
      score = jaccard(own, shingles(other));
      scores.set(other, score);
    }
    return score;
  };
}

/** Exact similarity of two normalised texts (Jaccard of their 5-gram shingles). */
export function textSimilarity(aNorm: string, bNorm: string): number {
  return jaccard(shingles(aNorm), shingles(bNorm));
}
