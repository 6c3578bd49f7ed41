import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decrypt, encrypt, keyedHash, stableStringify } from "./crypto";

const key = randomBytes(32);

describe("encrypt/decrypt", () => {
  it("round-trips Arabic text and never shows the plaintext", () => {
    const box = encrypt('{"phone":"+212 600 000 000","email":"مواطن@example.ma"}', key);
    expect(box).not.toContain("212");
    expect(decrypt(box, key)).toBe('{"phone":"+212 600 000 000","email":"مواطن@example.ma"}');
  });

  it("uses a fresh IV each time", () => {
    expect(encrypt("same", key)).not.toBe(encrypt("same", key));
  });

  it("refuses a tampered ciphertext or another key", () => {
    const box = encrypt("secret", key);
    const parts = box.split(".");
    parts[3] = Buffer.from("SECRET").toString("base64url");
    expect(() => decrypt(parts.join("."), key)).toThrow();
    expect(() => decrypt(box, randomBytes(32))).toThrow();
  });
});

describe("keyedHash", () => {
  it("depends on key and purpose", () => {
    expect(keyedHash("127.0.0.1", key, "a")).toBe(keyedHash("127.0.0.1", key, "a"));
    expect(keyedHash("127.0.0.1", key, "a")).not.toBe(keyedHash("127.0.0.1", key, "b"));
    expect(keyedHash("127.0.0.1", key, "a")).not.toContain("127");
  });
});

describe("stableStringify", () => {
  it("ignores key order and undefined fields", () => {
    expect(stableStringify({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe(
      stableStringify({ a: [1, { d: 2 }], b: 1 }),
    );
  });
});
