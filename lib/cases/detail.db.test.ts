import { describe, expect, it } from "vitest";
import { withTestDb } from "@/lib/testing/db";
import { getCaseDetail } from "./detail";

const conn = withTestDb();

describe("getCaseDetail", () => {
  it("is no case, not a database error, for an id shaped like a uuid but not one", async () => {
    // 36 characters of [0-9a-f-] passed the old check and made PostgreSQL refuse the cast (500).
    for (const id of ["-".repeat(36), "0".repeat(36), "00000000-0000-0000-0000-00000000000g"]) {
      expect(await getCaseDetail(conn.db, id)).toBeNull();
    }
  });
});
