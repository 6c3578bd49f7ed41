import { describe, expect, it } from "vitest";
import {
  CROCKFORD,
  formatReceipt,
  hashReceipt,
  newReceipt,
  parseReceipt,
  toCrockford,
} from "./receipt";

describe("receipts", () => {
  it("are 16 Crockford characters shown in four groups", () => {
    const r = newReceipt();
    expect(r).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{16}$/);
    expect(formatReceipt(r)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });

  it("use all 80 bits: every bit of the random bytes changes the receipt", () => {
    const zero = toCrockford(new Uint8Array(10));
    expect(zero).toBe("0000000000000000");
    for (let bit = 0; bit < 80; bit++) {
      const bytes = new Uint8Array(10);
      bytes[bit >> 3] = 1 << (7 - (bit & 7));
      expect(toCrockford(bytes)).not.toBe(zero);
    }
    expect(toCrockford(new Uint8Array(10).fill(255))).toBe("ZZZZZZZZZZZZZZZZ");
  });

  it("do not repeat in many draws and use the whole alphabet", () => {
    const seen = new Set<string>();
    const chars = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const r = newReceipt();
      seen.add(r);
      for (const c of r) chars.add(c);
    }
    expect(seen.size).toBe(5000);
    expect(chars.size).toBe(CROCKFORD.length);
  });

  it.each([
    ["7KQM-3XPA-9DTR-W2HB", "7KQM3XPA9DTRW2HB"],
    ["7kqm 3xpa 9dtr w2hb", "7KQM3XPA9DTRW2HB"],
    ["  7KQM3XPA9DTRW2HB ", "7KQM3XPA9DTRW2HB"],
    ["7KQM–3XPA—9DTR-W2HB", "7KQM3XPA9DTRW2HB"],
    ["OOOO-IIII-LLLL-oooo", "0000111111110000"],
    ["ｌ２３４-5678-9ABC-DEFG", "123456789ABCDEFG"],
  ])("forgive how %s is typed", (typed, canonical) => {
    expect(parseReceipt(typed)).toBe(canonical);
  });

  it.each([
    "",
    "7KQM-3XPA-9DTR",
    "7KQM-3XPA-9DTR-W2HBX",
    "UUUU-3XPA-9DTR-W2HB",
    "7KQM-3XPA-9DTR-W2H!",
    "x".repeat(1000),
  ])("reject %s", (typed) => expect(parseReceipt(typed)).toBeNull());

  it("are stored as a SHA-256 that does not contain them", () => {
    const h = hashReceipt("7KQM3XPA9DTRW2HB");
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).toBe(hashReceipt(parseReceipt("7kqm-3xpa-9dtr-w2hb")!));
    expect(h).not.toBe(hashReceipt("7KQM3XPA9DTRW2HC"));
  });
});
