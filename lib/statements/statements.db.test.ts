import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { cases, statements } from "@/lib/db/schema";
import { trackReport } from "@/lib/reports/track";
import { withTestDb } from "@/lib/testing/db";
import { report, staff } from "@/lib/testing/fixtures";
import {
  createStatementDraft,
  publishStatement,
  returnStatement,
  submitStatement,
  updateStatement,
  withdrawStatement,
} from "./lifecycle";
import { getPublicStatement, listPublicStatements } from "./public";

const conn = withTestDb();

let mod: Actor, pub1: Actor, pub2: Actor;
beforeAll(async () => {
  mod = await staff(conn.db, ["moderator"]);
  pub1 = await staff(conn.db, ["publisher"]);
  pub2 = await staff(conn.db, ["publisher"]);
});

const ar = (title: string) => ({
  title,
  summary: "تنفي المديرية العامة للأمن الوطني ما تم تداوله.",
  body: "**لا صحة** لما يروج حول اختطاف الأطفال.",
  claimReviewed: "عصابة تختطف الأطفال أمام المدارس",
  verdict: "خبر زائف",
});

async function drafted(type: "denial" | "truth" = "denial", author: Actor = mod) {
  const r = await report(conn.db, {
    urls: [`https://www.facebook.com/p/${Date.now()}${Math.random()}`],
    locale: "fr",
  });
  const id = await createStatementDraft(conn.db, author, { caseId: r.caseId, type });
  return { r, id };
}

describe("statement lifecycle", () => {
  it("drafts from the case, then goes draft → in review → published by another publisher, closing the case", async () => {
    const { r, id } = await drafted();
    const [draft] = await conn.db.select().from(statements).where(eq(statements.id, id));
    // The claim is not pre-filled with the reporter's words (they would be published verbatim).
    expect(draft.content.ar.claimReviewed).toBe("");
    expect(draft.content.ar.verdict).toBe("خبر زائف");
    expect(draft.appearances).toHaveLength(1);
    await expect(submitStatement(conn.db, mod, { id })).rejects.toMatchObject({
      detail: { reason: "incomplete" },
    });

    await updateStatement(conn.db, mod, {
      id,
      content: { ar: ar("بيان تكذيب بخصوص اختطاف الأطفال") },
      appearances: draft.appearances,
    });
    await submitStatement(conn.db, mod, { id });
    await expect(publishStatement(conn.db, mod, { id })).rejects.toMatchObject({
      code: "forbidden",
    });
    const { slug } = await publishStatement(conn.db, pub1, { id });
    expect(slug).toMatch(/^\d{4}-\d+$/);

    const [c] = await conn.db.select().from(cases).where(eq(cases.id, r.caseId));
    expect(c.status).toBe("debunked");
    // The reporter wrote in French; there is no French text, so the link is to the Arabic one.
    expect(await trackReport(conn.db, r.receipt)).toMatchObject({
      status: "closed",
      outcome: "debunked",
      statementUrl: `/ar/statements/${slug}`,
    });
  });

  it("never lets the author approve their own statement, even as a publisher", async () => {
    const { id } = await drafted("truth", pub1);
    await updateStatement(conn.db, pub1, {
      id,
      content: { ar: ar("بيان حقيقة") },
      appearances: [],
    });
    await submitStatement(conn.db, pub1, { id });
    await expect(publishStatement(conn.db, pub1, { id })).rejects.toMatchObject({
      code: "forbidden",
      detail: { reason: "own_statement" },
    });
    // Nor anyone who edited it.
    await returnStatement(conn.db, pub2, { id, note: "préciser la date" });
    await updateStatement(conn.db, pub2, {
      id,
      content: { ar: ar("بيان حقيقة محيّن") },
      appearances: [],
    });
    await submitStatement(conn.db, pub1, { id });
    await expect(publishStatement(conn.db, pub2, { id })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("keeps one live statement of each type per case", async () => {
    const { r } = await drafted();
    await expect(
      createStatementDraft(conn.db, mod, { caseId: r.caseId, type: "denial" }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      createStatementDraft(conn.db, mod, { caseId: r.caseId, type: "communique" }),
    ).resolves.toBeTypeOf("string");
  });

  it("amends with a change note, keeping every earlier version; the public text changes only on approval", async () => {
    const { id } = await drafted();
    await updateStatement(conn.db, mod, {
      id,
      content: { ar: ar("النسخة الأولى") },
      appearances: [],
    });
    await submitStatement(conn.db, mod, { id });
    const { slug } = await publishStatement(conn.db, pub1, { id });

    await updateStatement(conn.db, mod, {
      id,
      content: { ar: ar("النسخة الثانية") },
      appearances: [],
    });
    expect((await getPublicStatement(conn.db, slug))?.content.ar.title).toBe("النسخة الأولى");
    await expect(submitStatement(conn.db, mod, { id })).rejects.toMatchObject({
      detail: { reason: "change_note_required" },
    });
    await submitStatement(conn.db, mod, { id, changeNote: "تصحيح التاريخ" });
    await publishStatement(conn.db, pub2, { id });

    const pub = (await getPublicStatement(conn.db, slug))!;
    expect(pub.content.ar.title).toBe("النسخة الثانية");
    expect(pub.history.map((h) => [h.version, h.changeNote])).toEqual([
      [1, null],
      [2, "تصحيح التاريخ"],
    ]);
    expect(pub.updatedAt).not.toBeNull();
  });

  it("withdraws with a reason: the page stays, marked, and nothing is deleted", async () => {
    const { id } = await drafted();
    await updateStatement(conn.db, mod, { id, content: { ar: ar("بيان سيسحب") }, appearances: [] });
    await submitStatement(conn.db, mod, { id });
    const { slug } = await publishStatement(conn.db, pub1, { id });
    await expect(withdrawStatement(conn.db, mod, { id, reason: "x" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(withdrawStatement(conn.db, pub2, { id, reason: " " })).rejects.toMatchObject({
      detail: { reason: "reason_required" },
    });
    await withdrawStatement(conn.db, pub2, { id, reason: "نُشر بالخطأ" });
    expect(await getPublicStatement(conn.db, slug)).toMatchObject({
      status: "withdrawn",
      withdrawalReason: "نُشر بالخطأ",
      content: { ar: { title: "بيان سيسحب" } },
    });
  });
});

describe("public list and search", () => {
  it("finds an Arabic statement typed with or without diacritics, and French without accents", async () => {
    const { id } = await drafted();
    const fr = {
      title: "Démenti : pas d’enlèvements à Témara",
      summary: "La sûreté nationale dément.",
      body: "Aucun enlèvement.",
      claimReviewed: "Des enlèvements à Témara",
      verdict: "Faux",
    };
    await updateStatement(conn.db, mod, {
      id,
      content: {
        ar: {
          ...ar("تكذيب خبر اختطاف الأطفال بمدينة تمارة"),
          summary: "لا صحة لخبر الاختطاف بتمارة",
        },
        fr,
      },
      appearances: [],
    });
    await submitStatement(conn.db, mod, { id });
    const { slug } = await publishStatement(conn.db, pub1, { id });

    for (const q of [
      "اِخْتِطَاف الأَطْفَال بِمَدِينَةِ تَمَارَة",
      "اختطاف الاطفال بمدينه تماره",
      "enlevements a temara",
      "TÉMARA",
    ]) {
      const { items } = await listPublicStatements(conn.db, "fr", { q });
      expect(
        items.map((i) => i.slug),
        q,
      ).toContain(slug);
    }
    const { items } = await listPublicStatements(conn.db, "fr", { q: "temara" });
    expect(items.find((i) => i.slug === slug)).toMatchObject({
      lang: "fr",
      title: fr.title,
      url: `/fr/statements/${slug}`,
    });
    expect((await listPublicStatements(conn.db, "en", { q: "temara" })).items[0]).toMatchObject({
      lang: "ar",
    });
  });

  it("pages by cursor, newest first, and filters by type and platform", async () => {
    const all = await listPublicStatements(conn.db, "ar", {}, 100);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listPublicStatements(conn.db, "ar", { cursor }, 2);
      seen.push(...page.items.map((i) => i.slug));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.slug));
    expect(
      (await listPublicStatements(conn.db, "ar", { type: "truth" })).items.every(
        (i) => i.type === "truth",
      ),
    ).toBe(true);
    expect((await listPublicStatements(conn.db, "ar", { platform: "tiktok" })).items).toEqual([]);
  });
});
