import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { withTestDb } from "@/lib/testing/db";
import { copyReports, publishedStatement, report, staff } from "@/lib/testing/fixtures";
import { bandKeys } from "@/lib/text/minhash";
import { normalizeText } from "@/lib/text/normalize";
import { answeredBefore } from "./answered";
import { transitionCase } from "./service";

const conn = withTestDb();
let mod: Actor, pub: Actor;
beforeAll(async () => {
  mod = await staff(conn.db, ["moderator"]);
  pub = await staff(conn.db, ["publisher"]);
});

const answered = (caseId: string, description: string | null) => {
  const norm = description === null ? null : normalizeText(description);
  return answeredBefore(
    conn.db,
    { id: caseId, kind: "rumor", text: norm === null ? null : { norm, bandKeys: bandKeys(norm) } },
    0.3,
  );
};

describe("cases answered before", () => {
  it("shows a rumour that comes back after its denial the closed case and the published statement", async () => {
    const url = `https://www.facebook.com/p/back-${Date.now()}`;
    const first = await report(conn.db, { urls: [url] });
    const { slug } = await publishedStatement(conn.db, { mod, pub }, first.caseId);

    // The same post reported again: a new case (the first is closed), which points back to it.
    const again = await report(conn.db, { urls: [`${url}?fbclid=shared`] });
    expect(again.caseId).not.toBe(first.caseId);
    expect(await answered(again.caseId, null)).toEqual([
      expect.objectContaining({
        id: first.caseId,
        status: "debunked",
        statements: [{ slug, type: "denial" }],
      }),
    ]);
    // The first case does not list the open one: only decisions are shown.
    expect(await answered(first.caseId, null)).toEqual([]);
  });

  it("finds a forwarded message closed before, without a statement, and nothing for another text", async () => {
    const text = `رسالة متداولة ${Date.now()}: انقطاع الماء الصالح للشرب في كل أحياء المدينة لمدة أسبوع كامل ابتداء من الغد`;
    const first = await report(conn.db, { description: text });
    await transitionCase(conn.db, mod, {
      caseId: first.caseId,
      to: "no_action",
      note: "لا يمس بالأمن",
    });
    const again = await report(conn.db, { description: `عاجل! ${text}` });
    expect(again.caseId).not.toBe(first.caseId);
    expect(await answered(again.caseId, `عاجل! ${text}`)).toEqual([
      expect.objectContaining({ id: first.caseId, status: "no_action", statements: [] }),
    ]);
    const unrelated = await report(conn.db, {
      description: "إشاعة أخرى لا علاقة لها بالماء عن ارتفاع أسعار النقل العمومي",
    });
    expect(
      await answered(
        unrelated.caseId,
        "إشاعة أخرى لا علاقة لها بالماء عن ارتفاع أسعار النقل العمومي",
      ),
    ).toEqual([]);
  });

  it("finds the closed case under thousands of copies of the rumour's return", async () => {
    const text = `رسالة متداولة ${Date.now()}: توقف القطارات بين المدن طيلة الأسبوع المقبل بسبب إضراب مفتوح`;
    const first = await report(conn.db, { description: text });
    await transitionCase(conn.db, mod, {
      caseId: first.caseId,
      to: "no_action",
      note: "لا يمس بالأمن",
    });
    const again = await report(conn.db, { description: text });
    // 1,000 more copies in the new case, written directly: every band key now lists them first.
    await copyReports(conn.db, again.caseId, 1000);
    expect(await answered(again.caseId, text)).toEqual([
      expect.objectContaining({ id: first.caseId }),
    ]);
  });
});
