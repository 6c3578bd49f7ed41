import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SURGE_HIGH } from "@/lib/cases/priority";
import { caseEvents, cases, rateLimits, reports } from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";
import { withTestDb } from "@/lib/testing/db";
import { copyReports, reportOfReceipt, textCarriersOf } from "@/lib/testing/fixtures";
import { hashReceipt, parseReceipt } from "@/lib/text/receipt";
import { storeReport, storeReports, type IntakeOutcome } from "./store";
import { IntakeQueue } from "./intake-queue";
import { reportSchema, type ReportInput } from "./schema";

const conn = withTestDb();

const rumor = (patch: Record<string, unknown> = {}) =>
  reportSchema.parse({
    kind: "rumor",
    category: "fake_incident",
    urls: [],
    platform: "whatsapp",
    description: "خبر زائف عن حادث في الطريق السيار",
    declaration: true,
    ...patch,
  });
const item = (input: ReportInput, opts: Record<string, unknown> = {}) => ({
  input,
  opts: { locale: "ar" as const, ...opts },
});
const receiptOf = (o: IntakeOutcome) =>
  o.ok ? o.value.receipt : `error:${(o.error as ExpectedError).code}`;
async function caseOf(o: IntakeOutcome) {
  if (!o.ok) throw o.error;
  return (await reportOfReceipt(conn.db, o.value.receipt)).caseId;
}
const counter = async (metric: string, dimension = "") =>
  Number(
    (
      (
        await conn.db.execute(
          sql`select coalesce(sum(value), 0)::int as n from stats_yearly where metric = ${metric} and dimension = ${dimension}`,
        )
      ).rows[0] as { n: number }
    ).n,
  );

describe("a batch of reports", () => {
  it("forms the same cases as the reports one after the other, including with each other", async () => {
    const tag = Date.now();
    const forwarded =
      "عاجل: عصابة تسرق السيارات في حي الرياض بالرباط ليلا، انتبهوا وشاركوا الخبر مع العائلة والأصدقاء";
    const before = {
      reports: await counter("reports"),
      opened: await counter("cases_opened"),
      joined: await counter("reports_joined"),
    };
    const out = await storeReports(conn.db, [
      item(rumor({ urls: [`https://m.facebook.com/p/posts/${tag}?fbclid=1`] })),
      item(
        rumor({ urls: [`https://www.facebook.com/p/posts/${tag}/`, `https://youtu.be/b${tag}`] }),
      ),
      item(rumor({ urls: [`https://youtube.com/shorts/b${tag}`] })),
      item(rumor({ urls: [`https://x.com/q/status/${tag}`] })),
      item(rumor({ description: forwarded })),
      item(rumor({ description: `⚠️ ${forwarded} ⚠️` })),
      item(
        rumor({
          description:
            "رسالة أخرى تماما عن ارتفاع أسعار الخبز في الأسواق الأسبوع المقبل حسب مصادر مجهولة",
        }),
      ),
    ]);
    expect(out.every((o) => o.ok)).toBe(true);
    const ids = await Promise.all(out.map(caseOf));
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).toBe(ids[0]);
    expect(ids[3]).not.toBe(ids[0]);
    expect(ids[5]).toBe(ids[4]);
    expect(ids[6]).not.toBe(ids[4]);
    const [first] = await conn.db.select().from(cases).where(eq(cases.id, ids[0]));
    expect(first.reportCount).toBe(3);
    expect(first.platforms).toEqual(["facebook", "youtube"]);
    expect((await conn.db.select().from(cases).where(eq(cases.id, ids[4])))[0].reportCount).toBe(2);
    const created = await conn.db.select().from(caseEvents).where(inArray(caseEvents.caseId, ids));
    expect(created.filter((e) => e.type === "created")).toHaveLength(4);
    // Figures: 7 reports, 4 cases opened, 3 reports joined an existing case.
    expect(await counter("reports")).toBe(before.reports + 7);
    expect(await counter("cases_opened")).toBe(before.opened + 4);
    expect(await counter("reports_joined")).toBe(before.joined + 3);
  });

  it("puts a message forwarded many times in one batch in one case, the open one when there is one", async () => {
    const viral = `عاجل: تسرب غاز في محطة الحافلات ${Date.now()}، أغلقوا النوافذ وشاركوا الرسالة مع الجميع`;
    const fresh = await storeReports(
      conn.db,
      Array.from({ length: 10 }, () => item(rumor({ description: viral }))),
    );
    const freshCases = new Set(await Promise.all(fresh.map(caseOf)));
    expect(freshCases.size).toBe(1);
    const [caseId] = freshCases;
    const again = await storeReports(conn.db, [
      item(rumor({ description: "رسالة أخرى تماما عن أسعار الخبز" })),
      ...Array.from({ length: 6 }, () => item(rumor({ description: viral }))),
    ]);
    const ids = await Promise.all(again.map(caseOf));
    expect(ids.slice(1)).toEqual(Array(6).fill(caseId));
    expect(ids[0]).not.toBe(caseId);
    expect((await conn.db.select().from(cases).where(eq(cases.id, caseId)))[0].reportCount).toBe(
      16,
    );
  });

  it("finds the open case of a rumour that comes back after thousands of its copies were closed", async () => {
    const text = `عاجل: الماء الملوث في صنابير المدينة ${Date.now()}، لا تشربوا منه وشاركوا الرسالة مع الجميع`;
    const closedId = await caseOf(
      (await storeReports(conn.db, [item(rumor({ description: text }))]))[0],
    );
    // 2,000 more copies in that case, written directly (through the intake it would take minutes).
    await copyReports(conn.db, closedId, 2000);
    await conn.db
      .update(cases)
      .set({ status: "debunked", closedAt: new Date() })
      .where(eq(cases.id, closedId));
    // It circulates again: a new case (intake joins open cases only), which later copies join,
    // batch after batch, though each band key now lists 2,000 reports of the closed case first.
    const reopened = await caseOf(
      (await storeReports(conn.db, [item(rumor({ description: text }))]))[0],
    );
    expect(reopened).not.toBe(closedId);
    for (let i = 0; i < 3; i++)
      expect(
        await caseOf((await storeReports(conn.db, [item(rumor({ description: text }))]))[0]),
      ).toBe(reopened);
  });

  it("puts the first copies of a new message stored by two instances at once in one case", async () => {
    const text = `عاجل: تسمم غذائي في مطاعم المدينة ${Date.now()}، لا تأكلوا خارج البيت اليوم وشاركوا الرسالة`;
    // Two instances, each with its own queue: both look the text up (nothing yet), then both
    // store at the same moment. The only execute() of a batch is the intake call.
    let arrived = 0;
    let release = () => {};
    const bothLookedUp = new Promise<void>((r) => (release = r));
    const instance = new Proxy(conn.db, {
      get(target, prop, receiver) {
        if (prop !== "execute") return Reflect.get(target, prop, receiver);
        return async (query: Parameters<typeof target.execute>[0]) => {
          if (++arrived === 2) release();
          await bothLookedUp;
          return target.execute(query);
        };
      },
    });
    const [a, b] = await Promise.all(
      [0, 1].map(() => storeReports(instance, [item(rumor({ description: text }))])),
    );
    const caseId = await caseOf(a[0]);
    expect(await caseOf(b[0])).toBe(caseId);
    // The second found the first by its bands and stored none of its own (drizzle/0012).
    expect(await textCarriersOf(conn.db, caseId)).toHaveLength(1);
  });

  it("joins an existing case and raises its priority when the batch makes a surge", async () => {
    const url = `https://www.instagram.com/p/batch${Date.now()}`;
    const first = await storeReport(conn.db, rumor({ urls: [url] }), { locale: "ar" });
    const out = await storeReports(
      conn.db,
      Array.from({ length: 11 }, () => item(rumor({ urls: [url] }))),
    );
    const ids = new Set(await Promise.all(out.map(caseOf)));
    expect(ids.size).toBe(1);
    const [caseId] = ids;
    expect(await caseOf({ ok: true, value: first })).toBe(caseId);
    const [c] = await conn.db.select().from(cases).where(eq(cases.id, caseId));
    expect(c.reportCount).toBe(12);
    expect(c.priority).toBe("high");
    const events = await conn.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    // Raised at the tenth report of the hour, as if they had come one by one.
    expect(events.filter((e) => e.type === "priority").map((e) => e.data)).toEqual([
      { from: "normal", to: "high", reason: "surge", reportsLastHour: 10 },
    ]);
  });

  // Raised, never lowered: the ranks come from PRIORITIES in the payload.
  it.each([
    ["low", "high"],
    ["normal", "high"],
    ["high", "high"],
    ["urgent", "urgent"],
  ] as const)(
    "a %s case under a surge of eleven reports in the hour becomes %s",
    async (priority, raised) => {
      const url = `https://www.instagram.com/p/rank-${priority}-${Date.now()}`;
      const caseId = await caseOf({
        ok: true,
        value: await storeReport(conn.db, rumor({ urls: [url] }), { locale: "ar" }),
      });
      await conn.db.update(cases).set({ priority }).where(eq(cases.id, caseId));
      await storeReports(
        conn.db,
        Array.from({ length: SURGE_HIGH }, () => item(rumor({ urls: [url] }))),
      );
      const [c] = await conn.db
        .select({ priority: cases.priority })
        .from(cases)
        .where(eq(cases.id, caseId));
      expect(c.priority).toBe(raised);
    },
  );

  it("answers a retry in the same batch with the first receipt, and refuses another body under the key", async () => {
    const key = `double-tap-${Date.now()}`;
    const before = await conn.db.$count(reports);
    const out = await storeReports(conn.db, [
      item(rumor(), { idempotencyKey: key }),
      item(rumor(), { idempotencyKey: key }),
      item(rumor({ category: "security_rumor" }), { idempotencyKey: key }),
    ]);
    expect(receiptOf(out[1])).toBe(receiptOf(out[0]));
    expect(out[1].ok && out[1].value.replayed).toBe(true);
    expect(receiptOf(out[2])).toBe("error:idempotency_conflict");
    expect(await conn.db.$count(reports)).toBe(before + 1);
    // And in a later batch, from the stored answer.
    const [again] = await storeReports(conn.db, [item(rumor(), { idempotencyKey: key })]);
    expect(receiptOf(again)).toBe(receiptOf(out[0]));
  });

  it("counts every report against the sender's limit and stores only those within it", async () => {
    const bucket = `report:batch-${Date.now()}`;
    const before = await conn.db.$count(reports);
    const rateLimit = { bucket, limit: 2, windowSeconds: 600 };
    const out = await storeReports(conn.db, [
      item(rumor(), { rateLimit }),
      item(rumor(), { rateLimit }),
      item(rumor(), { rateLimit }),
    ]);
    expect(out.map((o) => o.ok)).toEqual([true, true, false]);
    expect(receiptOf(out[2])).toBe("error:rate_limited");
    expect(await conn.db.$count(reports)).toBe(before + 2);
    expect(
      (await conn.db.select().from(rateLimits).where(eq(rateLimits.bucket, bucket)))[0].hits,
    ).toBe(3);
  });
});

describe("the intake queue", () => {
  it("stores reports arriving together, and one the database refuses fails alone", async () => {
    const queue = new IntakeQueue(conn.db);
    const before = await conn.db.$count(reports);
    const url = `https://www.tiktok.com/@q/video/${Date.now()}`;
    const good = Array.from({ length: 12 }, () =>
      queue.submit(rumor({ urls: [url] }), { locale: "ar" }),
    );
    // A kind the database's check constraint refuses (the zod schema would have stopped it).
    const bad = queue.submit({ ...rumor(), kind: "spam" } as unknown as ReportInput, {
      locale: "ar",
    });
    const more = Array.from({ length: 4 }, () =>
      queue.submit(rumor({ urls: [url] }), { locale: "ar" }),
    );
    await expect(bad).rejects.toThrow();
    const receipts = await Promise.all([...good, ...more]);
    expect(new Set(receipts.map((r) => r.receipt)).size).toBe(16);
    expect(await conn.db.$count(reports)).toBe(before + 16);
    const caseIds = await conn.db
      .selectDistinct({ id: reports.caseId })
      .from(reports)
      .where(
        inArray(
          reports.receiptHash,
          receipts.map((r) => hashReceipt(parseReceipt(r.receipt)!)),
        ),
      );
    expect(caseIds).toHaveLength(1);
    expect(
      (await conn.db.select().from(cases).where(eq(cases.id, caseIds[0].id)))[0].reportCount,
    ).toBe(16);
  });

  it("costs a batch a few writes, not one per report, for a report the database refuses", async () => {
    let writes = 0;
    const counted: typeof storeReports = (db, items) => {
      writes++;
      return storeReports(db, items);
    };
    const queue = new IntakeQueue(conn.db, 64, counted);
    // The first report finds the queue idle and is written alone; the next 64 wait and go together.
    const first = queue.submit(rumor(), { locale: "ar" });
    const batch = Array.from({ length: 64 }, (_, i) =>
      queue
        .submit(i === 40 ? ({ ...rumor(), kind: "spam" } as unknown as ReportInput) : rumor(), {
          locale: "ar",
        })
        .then(
          () => "stored",
          () => "refused",
        ),
    );
    await first;
    const outcomes = await Promise.all(batch);
    expect(outcomes.filter((o) => o === "refused")).toHaveLength(1);
    expect(outcomes[40]).toBe("refused");
    // 1 (the first) + 1 (the batch) + 2 per halving round down to the refused one (6 rounds).
    expect(writes).toBeLessThanOrEqual(2 + 2 * Math.ceil(Math.log2(64)));
  });

  it("matches a forwarded message against the case the batch before it opened", async () => {
    // The first copy is written alone (the queue was idle); the others arrive while it is, and
    // their text lookup must see its case: two batches in flight would each open one. The later
    // copies add a word, so only the app's scoring joins them (the database's own check in
    // drizzle/0010 joins exact copies only).
    const queue = new IntakeQueue(conn.db);
    const text = `عاجل: انقطاع الماء في كل أحياء المدينة غدا ${Date.now()}، املؤوا القارورات وشاركوا الرسالة`;
    const receipts = await Promise.all(
      Array.from({ length: 3 }, (_, i) =>
        queue.submit(rumor({ description: i ? `${text} فورا` : text }), { locale: "ar" }),
      ),
    );
    const caseIds = await conn.db
      .selectDistinct({ id: reports.caseId })
      .from(reports)
      .where(
        inArray(
          reports.receiptHash,
          receipts.map((r) => hashReceipt(parseReceipt(r.receipt)!)),
        ),
      );
    expect(caseIds).toHaveLength(1);
  });
});
