import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDb } from "@/lib/testing/db";
import { OPEN_STATUSES, PRIORITIES } from "@/lib/vocabulary";

// Each function of drizzle/functions alone, in SQL, on both engines. The batch that composes
// them (iblagh_store_reports) is tested through the app in lib/reports/store*.db.test.ts.
const conn = withTestDb();

const rows = async <T>(q: SQL) => (await conn.db.execute(q)).rows as T[];
const one = async <T>(q: SQL) => (await rows<T>(q))[0];
const open = `{${OPEN_STATUSES.join(",")}}`;
const ranks = `{${PRIORITIES.join(",")}}`;
const at = (iso: string) => new Date(iso).toISOString();
let n = 0;

async function openCase(kind = "rumor", platform = "facebook", when = "2026-03-01T10:00:00Z") {
  return one<{ id: string; ref: string }>(sql`select id, ref from iblagh_open_case(
    ${kind}, 'fake_incident', 'summary', 'summary', ${platform}, ${at(when)}::timestamptz, ${at(when)}::timestamptz)`);
}

/** A report on `caseId` through iblagh_store_report; returns its id. */
async function storeReport(
  caseId: string,
  patch: Record<string, unknown> = {},
  carried = false,
): Promise<string> {
  const id = randomUUID();
  const item = {
    id,
    receipt_hash: `r${++n}-${Date.now()}`,
    kind: "rumor",
    category: "fake_incident",
    platform: "whatsapp",
    locale: "ar",
    description: "a forwarded message",
    description_norm: "a forwarded message",
    seen_at: null,
    contact_enc: null,
    at: "2026-03-01T10:00:00Z",
    urls: [],
    links: [],
    bands: [],
    key_hash: null,
    answer: null,
    ...patch,
  };
  await conn.db.execute(
    sql`select iblagh_store_report(${JSON.stringify(item)}::jsonb, ${caseId}::uuid, ${carried})`,
  );
  return id;
}

describe("iblagh_claim_rate", () => {
  it("counts the hits of one bucket and window, every other pair apart", async () => {
    const claim = (bucket: string, window: string) =>
      one<{ h: number }>(
        sql`select iblagh_claim_rate(${bucket}, ${at(window)}::timestamptz) as h`,
      ).then((r) => r.h);
    expect(await claim("a", "2026-01-01T00:00:00Z")).toBe(1);
    expect(await claim("a", "2026-01-01T00:00:00Z")).toBe(2);
    expect(await claim("b", "2026-01-01T00:00:00Z")).toBe(1);
    expect(await claim("a", "2026-01-01T00:10:00Z")).toBe(1);
    expect(await claim("a", "2026-01-01T00:00:00Z")).toBe(3);
  });
});

describe("iblagh_claim_idempotency", () => {
  it("claims a new key once; a second claim gets the first request's hash and answer", async () => {
    const key = `k-${Date.now()}`;
    const claim = (request: string) =>
      one<{ claimed: boolean; prior_request: string | null; prior_response: string | null }>(
        sql`select * from iblagh_claim_idempotency(${key}, ${request})`,
      );
    expect(await claim("req-1")).toEqual({
      claimed: true,
      prior_request: null,
      prior_response: null,
    });
    await conn.db.execute(
      sql`update idempotency_keys set response_enc = 'sealed' where key_hash = ${key}`,
    );
    expect(await claim("req-2")).toEqual({
      claimed: false,
      prior_request: "req-1",
      prior_response: "sealed",
    });
  });
});

describe("iblagh_case_for_links", () => {
  const find = (urls: string[], kind = "rumor") =>
    one<{ id: string | null }>(
      sql`select iblagh_case_for_links(${JSON.stringify(urls)}::jsonb, ${kind}, ${open}::text[]) as id`,
    ).then((r) => r.id);

  it("finds the newest open case of the kind holding one of the links", async () => {
    const tag = Date.now();
    const older = await openCase("rumor", "x", "2026-02-01T00:00:00Z");
    const newer = await openCase("rumor", "x", "2026-02-02T00:00:00Z");
    const violent = await openCase("violent_content", "x", "2026-02-03T00:00:00Z");
    const closed = await openCase("rumor", "x", "2026-02-04T00:00:00Z");
    await conn.db.execute(sql`update cases set status = 'no_action' where id = ${closed.id}`);
    for (const [c, u] of [
      [older, `a${tag}`],
      [newer, `b${tag}`],
      [violent, `b${tag}`],
      [closed, `b${tag}`],
    ] as const)
      await conn.db.execute(
        sql`insert into case_links (canonical_url, case_id) values (${u}, ${c.id})`,
      );
    expect(await find([`a${tag}`])).toBe(older.id);
    expect(await find([`a${tag}`, `b${tag}`])).toBe(newer.id);
    expect(await find([`b${tag}`], "violent_content")).toBe(violent.id);
    expect(await find([`c${tag}`])).toBeNull();
    expect(await find([])).toBeNull();
  });
});

describe("iblagh_case_for_text", () => {
  it("takes the best-scored candidate still open and of the kind, with its carrier", async () => {
    const closed = await openCase();
    await conn.db.execute(sql`update cases set status = 'debunked' where id = ${closed.id}`);
    const violent = await openCase("violent_content");
    const good = await openCase();
    const other = await openCase();
    const carrier = randomUUID();
    const text = [
      { case_id: other.id, report_id: randomUUID(), score: 0.5 },
      { case_id: closed.id, report_id: randomUUID(), score: 0.99 },
      { case_id: violent.id, report_id: randomUUID(), score: 0.95 },
      { case_id: good.id, report_id: carrier, score: 0.9 },
    ];
    const pick = (t: unknown[], like: unknown[] = [], batch: string[] = []) =>
      one<{ case_id: string | null; carrier: string | null; carried: boolean }>(
        sql`select * from iblagh_case_for_text(${JSON.stringify(t)}::jsonb, ${JSON.stringify(like)}::jsonb,
          ${`{${batch.join(",")}}`}::uuid[], 'rumor', ${open}::text[])`,
      );
    expect(await pick(text)).toEqual({ case_id: good.id, carrier, carried: false });
    // An earlier report of the batch (index 1) with the same text, scored higher: carried.
    expect(await pick(text, [{ j: 1, score: 1, same: true }], [closed.id, other.id])).toEqual({
      case_id: other.id,
      carrier: null,
      carried: true,
    });
    expect(await pick(text.slice(1, 3))).toEqual({ case_id: null, carrier: null, carried: false });
  });
});

describe("iblagh_case_for_exact_text", () => {
  it("finds an open case holding the exact text among the newest rows of the band key", async () => {
    const key = BigInt(Date.now());
    const c = await openCase();
    const carrier = await storeReport(c.id, {
      description_norm: "the same words",
      bands: [key.toString()],
    });
    const find = (norm: string, perBand = 50) =>
      one<{ case_id: string | null; carrier: string | null }>(
        sql`select * from iblagh_case_for_exact_text(${key.toString()}::bigint, ${norm}, 'rumor', ${open}::text[], ${perBand})`,
      );
    expect(await find("the same words")).toEqual({ case_id: c.id, carrier });
    expect(await find("other words")).toEqual({ case_id: null, carrier: null });
    // Bounded: under two newer rows of the key, a read of two does not reach it.
    const other = await openCase();
    for (let i = 0; i < 2; i++)
      await storeReport(other.id, { description_norm: `noise ${i}`, bands: [key.toString()] });
    expect((await find("the same words", 2)).case_id).toBeNull();
    expect((await find("the same words", 3)).case_id).toBe(c.id);
  });
});

describe("iblagh_open_case and iblagh_join_case", () => {
  it("opens a case with one report, one platform and its created event", async () => {
    const c = await openCase("rumor", "tiktok", "2026-04-01T08:00:00Z");
    const row = await one<Record<string, unknown>>(
      sql`select kind, status, priority, report_count, platforms, first_report_at, latest_report_at from cases where id = ${c.id}`,
    );
    expect(row).toMatchObject({
      kind: "rumor",
      status: "new",
      priority: "normal",
      report_count: 1,
      platforms: ["tiktok"],
    });
    expect(new Date(row.first_report_at as string).toISOString()).toBe("2026-04-01T08:00:00.000Z");
    expect(c.ref).toMatch(/\S/);
    expect(
      await rows(sql`select type, to_status from case_events where case_id = ${c.id}`),
    ).toEqual([{ type: "created", to_status: "new" }]);
  });

  it("counts a joining report, keeps the latest date and adds a platform once", async () => {
    const c = await openCase("rumor", "tiktok", "2026-04-01T08:00:00Z");
    const join = (platform: string, when: string) =>
      one<{ report_count: number; priority: string }>(
        sql`select * from iblagh_join_case(${c.id}::uuid, ${platform}, ${at(when)}::timestamptz)`,
      );
    expect(await join("x", "2026-04-02T00:00:00Z")).toEqual({
      report_count: 2,
      priority: "normal",
    });
    expect(await join("x", "2026-03-01T00:00:00Z")).toMatchObject({ report_count: 3 });
    const row = await one<{ platforms: string[]; latest_report_at: string }>(
      sql`select platforms, latest_report_at from cases where id = ${c.id}`,
    );
    expect(row.platforms).toEqual(["tiktok", "x"]);
    expect(new Date(row.latest_report_at).toISOString()).toBe("2026-04-02T00:00:00.000Z");
  });
});

describe("iblagh_surge_priority", () => {
  it.each([
    ["low", 9, "low"],
    ["low", 10, "high"],
    ["normal", 49, "high"],
    ["normal", 50, "urgent"],
    ["high", 10, "high"],
    ["urgent", 10, "urgent"],
    ["urgent", 0, "urgent"],
  ])("%s with %i reports in the hour becomes %s", async (current, recent, expected) => {
    const r = await one<{ p: string }>(
      sql`select iblagh_surge_priority(${current}, ${recent}::int, 10, 50, ${ranks}::text[]) as p`,
    );
    expect(r.p).toBe(expected);
  });
});

describe("iblagh_raise_priority", () => {
  it("raises a case by its reports of the last hour, with an event, and never lowers it", async () => {
    const c = await openCase();
    const now = "2026-05-01T12:00:00Z";
    for (let i = 0; i < 11; i++)
      await storeReport(c.id, { at: new Date(Date.parse(now) - i * 60_000).toISOString() });
    await storeReport(c.id, { at: "2026-05-01T09:00:00Z" });
    const raise = (count: number, current: string) =>
      conn.db.execute(
        sql`select iblagh_raise_priority(${c.id}::uuid, ${now}::timestamptz, ${count}, ${current}, '{"high": 10, "urgent": 50}'::jsonb, ${ranks}::text[])`,
      );
    await raise(9, "normal"); // under the threshold: not even counted
    expect(
      (await one<{ p: string }>(sql`select priority as p from cases where id = ${c.id}`)).p,
    ).toBe("normal");
    await raise(12, "normal");
    expect(
      (await one<{ p: string }>(sql`select priority as p from cases where id = ${c.id}`)).p,
    ).toBe("high");
    expect(
      await rows(sql`select data from case_events where case_id = ${c.id} and type = 'priority'`),
    ).toEqual([{ data: { from: "normal", to: "high", reason: "surge", reportsLastHour: 11 } }]);
  });
});

describe("iblagh_store_report", () => {
  it("stores the report, its links, the case's links, its bands unless carried, and the replay answer", async () => {
    const c = await openCase();
    const key = `store-${Date.now()}`;
    await conn.db.execute(sql`select iblagh_claim_idempotency(${key}, 'req')`);
    const url = `https://example.org/${Date.now()}`;
    const id = await storeReport(c.id, {
      urls: [url],
      links: [{ position: 0, url, canonical_url: url, platform: "other" }],
      bands: ["11", "12"],
      key_hash: key,
      answer: "sealed",
    });
    const carried = await storeReport(c.id, { bands: ["13"] }, true);
    expect(
      await rows(sql`select case_id from reports where id in (${id}, ${carried}) order by id`),
    ).toEqual([{ case_id: c.id }, { case_id: c.id }]);
    expect(await rows(sql`select canonical_url from report_links where report_id = ${id}`)).toEqual(
      [{ canonical_url: url }],
    );
    expect(await rows(sql`select case_id from case_links where canonical_url = ${url}`)).toEqual([
      { case_id: c.id },
    ]);
    expect(
      await rows(
        sql`select report_id, band_key::text as k from report_text_bands where report_id in (${id}, ${carried}) order by k`,
      ),
    ).toEqual([
      { report_id: id, k: "11" },
      { report_id: id, k: "12" },
    ]);
    expect(
      await rows(sql`select report_id, response_enc from idempotency_keys where key_hash = ${key}`),
    ).toEqual([{ report_id: id, response_enc: "sealed" }]);
  });
});

describe("iblagh_bump_counters", () => {
  it("adds to existing counters and sums keys given twice", async () => {
    const bump = () =>
      conn.db.execute(
        sql`select iblagh_bump_counters('{1999,1999,1999}'::int[], '{m,m,m}'::text[], '{"",a,a}'::text[], '{1,2,3}'::bigint[], 3::smallint)`,
      );
    await bump();
    await bump();
    expect(
      await rows(
        sql`select dimension, shard, value::int as value from stats_yearly where year = 1999 order by dimension`,
      ),
    ).toEqual([
      { dimension: "", shard: 3, value: 2 },
      { dimension: "a", shard: 3, value: 10 },
    ]);
  });
});
