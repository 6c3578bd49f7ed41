import { describe, expect, it } from "vitest";
import { withTestDb } from "@/lib/testing/db";
import { hitRateLimit } from "./rate-limit";

const conn = withTestDb();

describe("hitRateLimit", () => {
  it("allows up to the limit per window, then says when to retry", async () => {
    const now = new Date("2026-01-01T10:03:20Z");
    for (let i = 0; i < 3; i++)
      expect(await hitRateLimit(conn.db, "c1", 3, 600, now)).toEqual({ ok: true });
    expect(await hitRateLimit(conn.db, "c1", 3, 600, now)).toEqual({ ok: false, retryAfter: 400 });
    // Another client and the next window start afresh.
    expect(await hitRateLimit(conn.db, "c2", 3, 600, now)).toEqual({ ok: true });
    expect(await hitRateLimit(conn.db, "c1", 3, 600, new Date("2026-01-01T10:10:00Z"))).toEqual({
      ok: true,
    });
  });

  it("counts concurrent hits exactly", async () => {
    const now = new Date("2026-01-02T00:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 10 }, () => hitRateLimit(conn.db, "burst", 4, 600, now)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(4);
  });

  it("is off with limit 0", async () => {
    for (let i = 0; i < 5; i++)
      expect(await hitRateLimit(conn.db, "off", 0, 600)).toEqual({ ok: true });
  });
});
