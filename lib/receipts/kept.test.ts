import { beforeEach, describe, expect, it } from "vitest";
import {
  forgetAllOnDevice,
  forgetOnDevice,
  keepOnDevice,
  keptSnapshot,
  MAX_KEPT,
  parseKept,
} from "./kept";

// A browser's localStorage, as far as these functions use it.
class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, String(v));
  removeItem = (k: string) => void this.items.delete(k);
}

beforeEach(() => {
  Object.defineProperty(globalThis, "localStorage", {
    value: new MemoryStorage(),
    configurable: true,
  });
});

const kept = () => parseKept(keptSnapshot()).map((k) => k.receipt);

describe("receipts kept on the device", () => {
  it("keeps each receipt once, newest first, and forgets one or all", () => {
    keepOnDevice({ receipt: "AAAA-AAAA-AAAA-AAAA", submittedAt: "2026-12-01T10:00:00.000Z" });
    keepOnDevice({ receipt: "BBBB-BBBB-BBBB-BBBB", submittedAt: "2026-12-02T10:00:00.000Z" });
    keepOnDevice({ receipt: "AAAA-AAAA-AAAA-AAAA", submittedAt: "2026-12-01T10:00:00.000Z" });
    expect(kept()).toEqual(["AAAA-AAAA-AAAA-AAAA", "BBBB-BBBB-BBBB-BBBB"]);
    forgetOnDevice("AAAA-AAAA-AAAA-AAAA");
    expect(kept()).toEqual(["BBBB-BBBB-BBBB-BBBB"]);
    forgetAllOnDevice();
    expect(kept()).toEqual([]);
    expect(globalThis.localStorage.getItem("iblagh:receipts:v1")).toBeNull();
  });

  it("keeps the newest ones only, and ignores what it cannot read", () => {
    for (let i = 0; i < MAX_KEPT + 5; i++)
      keepOnDevice({ receipt: `R${i}`, submittedAt: new Date(i).toISOString() });
    expect(kept()).toHaveLength(MAX_KEPT);
    expect(kept()[0]).toBe(`R${MAX_KEPT + 4}`);
    globalThis.localStorage.setItem("iblagh:receipts:v1", "{not json");
    expect(kept()).toEqual([]);
    globalThis.localStorage.setItem("iblagh:receipts:v1", JSON.stringify([{ receipt: 1 }, null]));
    expect(kept()).toEqual([]);
  });
});
