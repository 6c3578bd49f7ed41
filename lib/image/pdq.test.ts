import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pdqOfImage } from "./hash-image";
import { hammingDistance, PDQ_MATCH_DISTANCE } from "./pdq";

// Meta's reference images and the hashes its implementation gives them
// (testdata/pdq/README.md). Conformance as the reference states it: within 10 bits
// where quality ≥ 80, within 16 otherwise.
const DIR = path.join(import.meta.dirname, "testdata/pdq");
const rows = fs
  .readFileSync(path.join(DIR, "hashes.tsv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((l) => l.split("\t"))
  .map(([file, hash, quality]) => ({ file, hash, quality: Number(quality) }));

describe("PDQ against the reference implementation", () => {
  it.each(rows)("$file", async ({ file, hash, quality }) => {
    const ours = await pdqOfImage(fs.readFileSync(path.join(DIR, file)), { orient: false });
    const distance = hammingDistance(ours.hash, hash);
    expect(distance, `${ours.hash} vs ${hash}`).toBeLessThanOrEqual(quality >= 80 ? 10 : 16);
    expect(Math.abs(ours.quality - quality)).toBeLessThanOrEqual(quality >= 80 ? 5 : 20);
  });

  it("near-copies of the bridge match it; other photos do not", () => {
    const of = (f: string) => rows.find((r) => r.file === f)!.hash;
    const bridge = of("dih_bridge-1-original.jpg");
    for (const r of rows.filter((r) => r.file.startsWith("bridge-mods_")))
      expect(hammingDistance(r.hash, bridge), r.file).toBeLessThanOrEqual(PDQ_MATCH_DISTANCE);
    for (const f of ["q0291.jpg", "q1050.jpg", "wee.jpg"])
      expect(hammingDistance(of(f), bridge), f).toBeGreaterThan(PDQ_MATCH_DISTANCE);
  });
});

describe("hammingDistance", () => {
  it("counts differing bits", () => {
    const zero = "0".repeat(64);
    expect(hammingDistance(zero, zero)).toBe(0);
    expect(hammingDistance(zero, "f".repeat(64))).toBe(256);
    expect(hammingDistance(zero, `${"0".repeat(63)}7`)).toBe(3);
  });
});
