import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { METRICS } from "@/lib/stats/rollup";
import { withdrawStatement } from "@/lib/statements/lifecycle";
import { intakeAnswer } from "@/lib/statements/public";
import { withTestDb } from "@/lib/testing/db";
import { publishedStatement, report, staff } from "@/lib/testing/fixtures";
import { reportSchema } from "./schema";
import { storeReport } from "./store";

// A rumour that comes back after its denial: the reporter learns it at once, the report is kept.
const conn = withTestDb();
let mod: Actor, pub: Actor;
beforeAll(async () => {
  mod = await staff(conn.db, ["moderator"]);
  pub = await staff(conn.db, ["publisher"]);
});

const deny = (caseId: string, type: "denial" | "communique" = "denial") => {
  const text = (title: string) => ({
    title,
    summary: "لا صحة لما يروج.",
    body: "**لا صحة** لما يروج.",
    claimReviewed: "إشاعة",
    verdict: "خبر زائف",
  });
  return publishedStatement(conn.db, { mod, pub }, caseId, {
    type,
    content: { ar: text("بيان تكذيب بخصوص حريق السوق"), fr: text("Démenti : incendie du marché") },
  });
};

const answeredCount = async () =>
  Number(
    (
      (
        await conn.db.execute(
          sql`select coalesce(sum(value), 0)::int as n from stats_yearly
              where metric = ${METRICS.answeredAtIntake} and dimension = ''`,
        )
      ).rows[0] as { n: number }
    ).n,
  );

describe("the answer at once", () => {
  it("a link denied before: a new case, the statement on the receipt, counted", async () => {
    const url = `https://www.facebook.com/p/market-fire-${Date.now()}`;
    const first = await report(conn.db, { urls: [url] });
    const { id, slug } = await deny(first.caseId);
    const before = await answeredCount();

    const input = reportSchema.parse({
      kind: "rumor",
      category: "fake_incident",
      urls: `${url}?fbclid=again`,
      platform: "facebook",
      description: "منشور عن حريق في السوق المركزي يعود للانتشار من جديد اليوم",
      declaration: true,
    });
    const again = await storeReport(conn.db, input, { locale: "fr" });
    expect(again.answeredBy).toBe(id);
    expect(await intakeAnswer(conn.db, id, "fr")).toEqual({
      type: "denial",
      title: "Démenti : incendie du marché",
      verdict: "خبر زائف",
      url: `/fr/statements/${slug}`,
      lang: "fr",
    });
    const { rows } = await conn.db.execute(
      sql`select r.answered_by, r.case_id <> ${first.caseId} as new_case from reports r
          join cases c on c.id = r.case_id where c.id <> ${first.caseId} and r.answered_by = ${id}`,
    );
    expect(rows).toEqual([{ answered_by: id, new_case: true }]);
    expect(await answeredCount()).toBe(before + 1);
  });

  it("the same forwarded text: answered; a withdrawn statement or a communiqué: not", async () => {
    const text = `رسالة متداولة ${Date.now()}: تسمم جماعي بعد تناول وجبات في مطعم مدرسي بالمدينة`;
    const first = await report(conn.db, { description: text });
    const { id } = await deny(first.caseId);
    const send = async () =>
      storeReport(conn.db, reportSchema.parse(forwarded(text)), { locale: "ar" });
    const returning = await send();
    expect(returning.answeredBy).toBe(id);
    // The next copy joins the new, open case: answered all the same.
    const copy = await send();
    expect(copy.answeredBy).toBe(id);
    const cases = await conn.db.execute(
      sql`select count(distinct case_id)::int as n from reports where answered_by = ${id}`,
    );
    expect(cases.rows).toEqual([{ n: 1 }]);

    await withdrawStatement(conn.db, pub, { id, reason: "خطأ في المعطيات" });
    expect(
      (await storeReport(conn.db, reportSchema.parse(forwarded(text)), { locale: "ar" }))
        .answeredBy,
    ).toBeNull();
    expect(await intakeAnswer(conn.db, id, "ar")).toBeNull();

    const other = `رسالة أخرى ${Date.now()}: إغلاق الطريق الوطنية بسبب الفيضانات طيلة الأسبوع المقبل`;
    const closed = await report(conn.db, { description: other });
    await deny(closed.caseId, "communique");
    expect(
      (await storeReport(conn.db, reportSchema.parse(forwarded(other)), { locale: "ar" }))
        .answeredBy,
    ).toBeNull();
  });

  it("a report about something never answered gets a plain receipt", async () => {
    const r = await storeReport(
      conn.db,
      reportSchema.parse(forwarded(`شيء جديد تماما ${Date.now()} عن انقطاع الكهرباء في الحي`)),
      { locale: "ar" },
    );
    expect(r.answeredBy).toBeNull();
  });
});

function forwarded(description: string) {
  return {
    kind: "rumor",
    category: "security_rumor",
    platform: "whatsapp",
    description,
    declaration: true,
  };
}
