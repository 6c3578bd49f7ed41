// PDQ, Meta's perceptual image hash (the algorithm published in facebook/ThreatExchange,
// pdq/README and hashing.pdf), written here from its description: luminance, a tent filter
// (two passes of box filters along rows and columns, Jarosz), 64 × 64 samples, the 16 × 16
// lowest frequencies of a DCT, one bit per coefficient above their median. Near-copies of a
// picture (resized, recompressed, a little cropped or brightened) land within a Hamming
// distance of 31; the quality score (0–100) says whether the picture has enough texture for
// the hash to mean anything. Pure: decoding and resizing are the caller's (lib/image/decode.ts).

export interface Pdq {
  /** 64 hex digits, as the reference prints them (its 16-bit word 15 first). */
  hash: string;
  quality: number;
}

const LUMA = [0.299, 0.587, 0.114] as const;
const WINDOW_DIVISOR = 128;
const PASSES = 2;

// The 16 × 64 DCT-II rows for frequencies 1..16 (0, the mean, says nothing about the picture).
const DCT = (() => {
  const scale = Math.sqrt(2 / 64);
  const d = new Float64Array(16 * 64);
  for (let i = 0; i < 16; i++)
    for (let j = 0; j < 64; j++)
      d[i * 64 + j] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1));
  return d;
})();

/** Luminance of interleaved 8-bit pixels (`channels` 3 or 4; alpha ignored). */
export function lumaOf(pixels: Uint8Array, width: number, height: number, channels: number) {
  const luma = new Float64Array(width * height);
  for (let p = 0, o = 0; p < luma.length; p++, o += channels)
    luma[p] = LUMA[0] * pixels[o] + LUMA[1] * pixels[o + 1] + LUMA[2] * pixels[o + 2];
  return luma;
}

// A running mean over a window centred on each sample, shrinking at the edges.
function box1d(
  input: Float64Array,
  output: Float64Array,
  start: number,
  length: number,
  stride: number,
  window: number,
) {
  const half = Math.floor((window + 2) / 2);
  let sum = 0;
  let size = 0;
  let ri = start;
  let li = start;
  let oi = start;
  for (let i = 0; i < half - 1; i++, ri += stride) {
    sum += input[ri];
    size++;
  }
  for (let i = 0; i < window - half + 1; i++, ri += stride, oi += stride) {
    sum += input[ri];
    size++;
    output[oi] = sum / size;
  }
  for (let i = 0; i < length - window; i++, ri += stride, li += stride, oi += stride) {
    sum += input[ri] - input[li];
    output[oi] = sum / size;
  }
  for (let i = 0; i < half - 1; i++, li += stride, oi += stride) {
    sum -= input[li];
    size--;
    output[oi] = sum / size;
  }
}

const windowFor = (dimension: number) =>
  Math.floor((dimension + WINDOW_DIVISOR - 1) / WINDOW_DIVISOR);

/** PDQ hash and quality of a luminance image (row-major, `width` × `height`). */
export function pdqFromLuma(luma: Float64Array, width: number, height: number): Pdq {
  const a = luma;
  const b = new Float64Array(a.length);
  const alongRows = windowFor(width);
  const alongCols = windowFor(height);
  for (let pass = 0; pass < PASSES; pass++) {
    for (let r = 0; r < height; r++) box1d(a, b, r * width, width, 1, alongRows);
    for (let c = 0; c < width; c++) box1d(b, a, c, height, width, alongCols);
  }
  // 64 × 64 samples at the centre of each block.
  const s = new Float64Array(64 * 64);
  for (let i = 0; i < 64; i++) {
    const row = Math.floor(((i + 0.5) * height) / 64);
    for (let j = 0; j < 64; j++)
      s[i * 64 + j] = a[row * width + Math.floor(((j + 0.5) * width) / 64)];
  }
  return { hash: bitsOf(dct16(s)), quality: qualityOf(s) };
}

// Significant gradients between neighbouring samples, quantised, summed and scaled to 0–100.
function qualityOf(s: Float64Array): number {
  let sum = 0;
  const step = (u: number, v: number) => Math.abs(Math.trunc(((u - v) * 100) / 255));
  for (let i = 0; i < 63; i++)
    for (let j = 0; j < 64; j++) sum += step(s[i * 64 + j], s[(i + 1) * 64 + j]);
  for (let i = 0; i < 64; i++)
    for (let j = 0; j < 63; j++) sum += step(s[i * 64 + j], s[i * 64 + j + 1]);
  return Math.min(100, Math.trunc(sum / 90));
}

// B = D · A · Dᵀ, only the 16 × 16 block kept.
function dct16(a: Float64Array): Float64Array {
  const t = new Float64Array(16 * 64);
  for (let i = 0; i < 16; i++)
    for (let k = 0; k < 64; k++) {
      const d = DCT[i * 64 + k];
      for (let j = 0; j < 64; j++) t[i * 64 + j] += d * a[k * 64 + j];
    }
  const out = new Float64Array(256);
  for (let i = 0; i < 16; i++)
    for (let j = 0; j < 16; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum += t[i * 64 + k] * DCT[j * 64 + k];
      out[i * 16 + j] = sum;
    }
  return out;
}

// Bit i·16+j is set when coefficient (i, j) is above the median (the 128th smallest).
function bitsOf(coefficients: Float64Array): string {
  const median = Float64Array.from(coefficients).sort()[127];
  const words = new Uint16Array(16);
  for (let k = 0; k < 256; k++) if (coefficients[k] > median) words[k >> 4] |= 1 << (k & 15);
  let hex = "";
  for (let w = 15; w >= 0; w--) hex += words[w].toString(16).padStart(4, "0");
  return hex;
}

/** Bits that differ between two hashes (0–256). */
export function hammingDistance(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < 64; i += 8) {
    let x = parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16);
    while (x) {
      x &= x - 1;
      n++;
    }
  }
  return n;
}

/** The reference's thresholds: the same picture within 31 bits; quality ≤ 49 is not used. */
export const PDQ_MATCH_DISTANCE = 31;
export const PDQ_MIN_QUALITY = 50;
