import { beforeAll, describe, expect, it } from "vitest";
import { withTestDb } from "@/lib/testing/db";
import { report, staff } from "@/lib/testing/fixtures";
import { countByStatus, listQueue, queueFilterSchema, type QueueFilter } from "./queue";
import { assignCases, setPriority, transitionCase } from "./service";

const conn = withTestDb();

let me = "";
const ids: string[] = [];

beforeAll(async () => {
  const mod = await staff(conn.db, ["moderator"]);
  me = mod.id;
  for (let i = 0; i < 23; i++) {
    const r = await report(
      conn.db,
      { urls: [`https://x.com/q/status/${1000 + i}`] },
      { now: new Date(Date.UTC(2025, 0, 1 + i)) },
    );
    ids.push(r.caseId);
  }
  await report(conn.db, {
    description: "إِشَاعَةٌ عَنْ اِنْفِجَارٍ فِي مَحَطَّةِ القِطَارِ بِمَدِينَةِ فَاسَ اليَوْمَ",
    urls: ["https://x.com/q/status/9"],
  });
  await setPriority(conn.db, mod, { caseIds: [ids[5], ids[7]], priority: "urgent" });
  await setPriority(conn.db, mod, { caseIds: [ids[9]], priority: "low" });
  await assignCases(conn.db, mod, { caseIds: [ids[3], ids[4]], assigneeId: mod.id });
  await transitionCase(conn.db, mod, { caseId: ids[0], to: "no_action", note: "out of scope" });
  // Two more reports on case 11 make it the most reported.
  await report(conn.db, { urls: ["https://x.com/q/status/1011"] });
  await report(conn.db, { urls: ["https://twitter.com/someone/status/1011"] });
});

async function walk(filter: QueueFilter, pageSize = 5) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 20; pages++) {
    const { rows, nextCursor } = await listQueue(conn.db, { ...filter, cursor }, me, pageSize);
    seen.push(...rows.map((r) => r.id));
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return seen;
}

describe("the queue", () => {
  it("lists open cases by priority then age, each exactly once across pages", async () => {
    const seen = await walk({});
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen.slice(0, 2)).toEqual([ids[5], ids[7]]);
    expect(seen.at(-1)).toBe(ids[9]);
    expect(seen).not.toContain(ids[0]);
    expect(seen[2]).toBe(ids[1]);
  });

  it("sorts by newest and by most reported, with the same keyset guarantee", async () => {
    const newest = await walk({ sort: "newest" }, 4);
    expect(new Set(newest).size).toBe(23);
    expect(newest[0]).toBe(ids[11]);
    const most = await walk({ sort: "most" }, 4);
    expect(new Set(most).size).toBe(23);
    expect(most[0]).toBe(ids[11]);
  });

  it("filters by assignee, priority, status, date and text in any script", async () => {
    expect((await walk({ assignee: "mine" })).sort()).toEqual([ids[3], ids[4]].sort());
    expect(await walk({ priority: "urgent" })).toEqual([ids[5], ids[7]]);
    expect(await walk({ status: "no_action" })).toEqual([ids[0]]);
    expect(await walk({ status: "all" })).toHaveLength(24);
    expect(await walk({ from: "2025-01-02", to: "2025-01-03" })).toEqual([ids[1], ids[2]]);
    const withDiacritics = await walk({ q: "اِنْفِجَار فِي مَحَطَّةِ" });
    const without = await walk({ q: "انفجار في محطه" });
    expect(withDiacritics).toHaveLength(1);
    expect(without).toEqual(withDiacritics);
  });

  it("a search matching many open cases pages in queue order, like the queue itself", async () => {
    // Every fixture report mentions "حادث خطير": full pages come from the queue index's window,
    // the last, short one from the trigram index; together, the queue without the one other case.
    const all = await walk({}, 5);
    const found = await walk({ q: "حادث خطير" }, 5);
    expect(found).toEqual(all.filter((id) => ids.includes(id)));
    expect(found).toHaveLength(22);
  });

  it("counts open cases per status under the same filters, closed ones not at all", async () => {
    expect(await countByStatus(conn.db, {}, me)).toEqual({ new: 23 });
    expect(await countByStatus(conn.db, { priority: "urgent" }, me)).toEqual({ new: 2 });
  });

  it("stops counting a status past its cap, so a flood of open cases costs the queue nothing more", async () => {
    // cap + 1 says "more than the cap"; the page shows it as "5+".
    expect(await countByStatus(conn.db, {}, me, 5)).toEqual({ new: 6 });
    expect(await countByStatus(conn.db, { priority: "urgent" }, me, 5)).toEqual({ new: 2 });
  });

  it("ignores malformed filters instead of failing", () => {
    expect(
      queueFilterSchema.parse({
        kind: "nope",
        assignee: "x",
        from: "yesterday",
        sort: "'; drop table",
      }),
    ).toEqual({
      kind: undefined,
      category: undefined,
      platform: undefined,
      status: undefined,
      priority: undefined,
      assignee: undefined,
      from: undefined,
      to: undefined,
      q: undefined,
      sort: undefined,
      cursor: undefined,
    });
  });
});
