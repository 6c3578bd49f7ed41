import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

const id = "0b4a3c1e-8f2d-4a6b-9c1d-2e3f4a5b6c7d";
const forge = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

describe("statements cursor", () => {
  it("round-trips a cursor it made", () => {
    const at = new Date("2025-06-01T10:00:00.123Z");
    expect(decodeCursor(encodeCursor(at, id))).toEqual([at, id]);
  });

  it.each([
    ["a date PostgreSQL refuses", forge(["+275760-09-13T00:00:00.000Z", id])],
    ["a date before any statement", forge(["0001-01-01T00:00:00.000Z", id])],
    ["not a date", forge(["yesterday", id])],
    ["a number for the date", forge([1, id])],
    ["an id that is not a uuid", forge(["2025-06-01T10:00:00.000Z", "1; drop table statements"])],
    ["an id of uuid characters only", forge(["2025-06-01T10:00:00.000Z", "-".repeat(36)])],
    ["not JSON", "bm90IGpzb24"],
    ["an object", forge({ a: 1 })],
  ])("reads %s as no cursor", (_what, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});
