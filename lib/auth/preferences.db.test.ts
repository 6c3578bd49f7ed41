import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDb } from "@/lib/testing/db";
import { staff } from "@/lib/testing/fixtures";
import { setUnblurRumorImages } from "./preferences";
import { loadActor } from "./staff";

const conn = withTestDb();

describe("a member's picture setting", () => {
  it("is off by default, saved for that member only, and audited", async () => {
    const [a, b] = [await staff(conn.db, ["moderator"]), await staff(conn.db, ["publisher"])];
    expect((await loadActor(conn.db, a.id))?.unblurRumorImages).toBe(false);
    await setUnblurRumorImages(conn.db, a, true);
    expect((await loadActor(conn.db, a.id))?.unblurRumorImages).toBe(true);
    expect((await loadActor(conn.db, b.id))?.unblurRumorImages).toBe(false);
    const { rows } = await conn.db.execute(
      sql`select details from audit_events where action = 'staff.preferences' and actor_id = ${a.id}`,
    );
    expect(rows).toEqual([{ details: { unblurRumorImages: true } }]);
    await expect(setUnblurRumorImages(conn.db, null, true)).rejects.toThrow("unauthorized");
  });
});
