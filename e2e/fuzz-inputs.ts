// Seeded random inputs for the fuzz test: the same seed gives the same requests, so a failure
// printed with its seed can be replayed (FUZZ_SEED=… npx playwright test fuzz).

export { pngClaiming } from "../lib/testing/hostile-files";

/** mulberry32: small, fast, good enough to spread inputs. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}
export type Rng = ReturnType<typeof rng>;

// Pieces an attacker or a clumsy paste brings: scripts and markup, SQL, format strings, paths,
// every kind of character PostgreSQL, JSON or a bidi renderer may choke on.
const PIECES = [
  "خبر زائف عن حادث سير في الدار البيضاء",
  "Une fausse rumeur à Rabat, été 2025",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "' or 1=1 --",
  "'); drop table reports; --",
  "%s%s%n%x",
  "${7*7}{{7*7}}",
  "../../../../etc/passwd",
  "\u0000",
  "\ud800",
  "\udfff",
  "\u202e\u2066\u200f",
  "\u0001\u001b[31m\u007f",
  "\r\n\r\n",
  "🔥👮‍♂️🇲🇦",
  "ـــــــ",
  "١٢٣٤٥٦٧٨٩٠",
  "https://x.com/a/status/1",
  "javascript:alert(1)",
  "http://user:pass@exаmple.com/", // a Cyrillic а
  "null",
  "9".repeat(40),
  " ",
];

export function fuzzString(r: Rng): string {
  const long = r.next() < 0.08;
  if (long) return r.pick(PIECES).repeat(1 + r.int(6000));
  return Array.from({ length: 1 + r.int(5) }, () => r.pick(PIECES)).join(
    r.pick(["", " ", "\n", "/"]),
  );
}

/** Any JSON value, biased towards strings. */
export function fuzzValue(r: Rng, depth = 0): unknown {
  switch (r.int(depth > 1 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return r.pick([0, -1, 1e308, -0, 3.5, 2 ** 53 + 1]);
    case 2:
      return r.next() < 0.5;
    case 6:
      return Array.from({ length: r.int(4) }, () => fuzzValue(r, depth + 1));
    case 7:
    case 8:
      return Object.fromEntries(
        Array.from({ length: r.int(4) }, () => [
          fuzzString(r).slice(0, 20),
          fuzzValue(r, depth + 1),
        ]),
      );
    default:
      return fuzzString(r);
  }
}

const VALID_REPORT = {
  kind: "rumor",
  category: "fake_incident",
  urls: ["https://x.com/fuzz/status/1"],
  description: "خبر زائف عن حادث سير خطير في الطريق السيار بين الرباط والدار البيضاء",
  declaration: true,
};

/** A valid report with one to three fields replaced, removed or added. */
export function fuzzReport(r: Rng): Record<string, unknown> {
  const body: Record<string, unknown> = { ...VALID_REPORT };
  const keys = [
    ...Object.keys(VALID_REPORT),
    "platform",
    "seenAt",
    "contact",
    "locale",
    fuzzString(r).slice(0, 12),
  ];
  for (let i = 0; i <= r.int(3); i++) {
    const key = r.pick(keys);
    if (r.next() < 0.2) delete body[key];
    else
      body[key] =
        key === "contact" && r.next() < 0.5
          ? { email: fuzzValue(r), phone: fuzzValue(r) }
          : fuzzValue(r);
  }
  return body;
}

/** Raw body text: JSON with escapes `JSON.stringify` never writes, or something else entirely. */
export function fuzzRawBody(r: Rng): string | Buffer {
  switch (r.int(5)) {
    case 0:
      return JSON.stringify(fuzzReport(r)).replace(
        /"description":"/,
        '"description":"\\ud800\\u0000',
      );
    case 1:
      return Buffer.from([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]); // not UTF-8
    case 2:
      return JSON.stringify(fuzzReport(r)).slice(0, 1 + r.int(60)); // truncated
    case 3:
      return "[".repeat(5000) + "]".repeat(5000); // deep nesting
    default:
      return JSON.stringify(fuzzValue(r));
  }
}

/** A picture with `n` bytes changed at seeded places: what a bad connection or a fuzzer sends. */
export function mutated(r: Rng, bytes: Buffer, n: number): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 0; i < n; i++) out[Math.floor(r.next() * out.length)] = Math.floor(r.next() * 256);
  return out;
}
