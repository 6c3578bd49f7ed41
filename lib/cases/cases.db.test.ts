import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { caseEvents, caseLinks, cases, reports } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { trackReport } from "@/lib/reports/track";
import { withTestDb } from "@/lib/testing/db";
import { report, staff } from "@/lib/testing/fixtures";
import { bandKeys } from "@/lib/text/minhash";
import { normalizeText } from "@/lib/text/normalize";
import { findCasesByText } from "./matching/text";
import { mergeCases, splitReport, transitionCase } from "./service";

const conn = withTestDb();

const getCase = async (id: string) =>
  (await conn.db.select().from(cases).where(eq(cases.id, id)))[0];
const linksOf = async (id: string) =>
  (await conn.db.select().from(caseLinks).where(eq(caseLinks.caseId, id)))
    .map((l) => l.canonicalUrl)
    .sort();

describe("clustering on canonical links", () => {
  it("puts reports of one post, however linked, into one case", async () => {
    const a = await report(conn.db, {
      urls: ["https://m.facebook.com/police.demo/posts/777?fbclid=abc"],
    });
    const b = await report(conn.db, {
      urls: ["http://www.facebook.com/police.demo/posts/777/", "https://youtu.be/xyz?si=1"],
    });
    expect(b.caseId).toBe(a.caseId);
    const c = await getCase(a.caseId);
    expect(c.reportCount).toBe(2);
    expect(c.platforms).toEqual(["facebook"]);
    expect(await linksOf(a.caseId)).toEqual([
      "https://facebook.com/police.demo/posts/777",
      "https://youtube.com/watch?v=xyz",
    ]);
    // A third report that only shares the second link joins too.
    const d = await report(conn.db, { urls: ["https://www.youtube.com/shorts/xyz"] });
    expect(d.caseId).toBe(a.caseId);
    expect((await getCase(a.caseId)).platforms).toEqual(["facebook", "youtube"]);
  });

  it("opens a new case for another link, another kind, or when the matching case is closed", async () => {
    const a = await report(conn.db, { urls: ["https://x.com/a/status/111"] });
    const other = await report(conn.db, { urls: ["https://x.com/a/status/222"] });
    expect(other.caseId).not.toBe(a.caseId);
    const violent = await report(conn.db, {
      kind: "violent_content",
      category: "violence",
      urls: ["https://twitter.com/b/status/111"],
    });
    expect(violent.caseId).not.toBe(a.caseId);

    const mod = await staff(conn.db, ["moderator"]);
    await transitionCase(conn.db, mod, {
      caseId: a.caseId,
      to: "no_action",
      note: "not about public safety",
    });
    const later = await report(conn.db, { urls: ["https://x.com/a/status/111"] });
    expect(later.caseId).not.toBe(a.caseId);
  });

  it("opens one case when two first reports of a link arrive together", async () => {
    const url = `https://www.tiktok.com/@x/video/${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => report(conn.db, { urls: [url] })),
    );
    expect(new Set(results.map((r) => r.caseId)).size).toBe(1);
    expect((await getCase(results[0].caseId)).reportCount).toBe(5);
  });

  it("raises the priority when reports surge", async () => {
    const url = `https://www.instagram.com/p/surge${Date.now()}`;
    let caseId = "";
    for (let i = 0; i < 10; i++) caseId = (await report(conn.db, { urls: [url] })).caseId;
    const c = await getCase(caseId);
    expect(c.priority).toBe("high");
    const events = await conn.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(events.map((e) => e.type)).toContain("priority");
  });
});

describe("clustering forwarded messages by text", () => {
  const original =
    "عاجل: عصابة تختطف الأطفال أمام المدارس في حي السلام بمدينة وجدة، انتبهوا لأولادكم وشاركوا الخبر";
  it("joins a re-forwarded copy of the same message", async () => {
    const a = await report(conn.db, { description: original });
    const b = await report(conn.db, {
      description:
        "⚠️ عَاجِل عصابة تختطف الاطفال امام المدارس في حي السلام بمدينة وجدة انتبهوا لاولادكم و شاركوا الخبر ⚠️",
    });
    expect(b.caseId).toBe(a.caseId);
  });

  it("keeps a different message apart, and only suggests a paraphrase", async () => {
    const a = await report(conn.db, {
      description:
        "La police annonce un couvre-feu à Oujda à partir de 22h, restez chez vous, message officiel",
    });
    const unrelated = await report(conn.db, {
      description:
        "Coupure d'eau prévue dimanche dans le quartier Maârif selon la régie de distribution",
    });
    expect(unrelated.caseId).not.toBe(a.caseId);
    const paraphrase =
      "Message officiel de la police : couvre-feu à Oujda dès 22h, restez chez vous";
    const p = await report(conn.db, { description: paraphrase });
    expect(p.caseId).not.toBe(a.caseId);
    const norm = normalizeText(paraphrase);
    const suggestions = await findCasesByText(conn.db, {
      norm,
      bandKeys: bandKeys(norm),
      excludeCaseId: p.caseId,
      minScore: env.CASE_SUGGEST_THRESHOLD,
    });
    expect(suggestions.map((s) => s.caseId)).toContain(a.caseId);
    expect(suggestions.map((s) => s.caseId)).not.toContain(unrelated.caseId);
  });
});

describe("merge and split", () => {
  it("merges: reports and links move, the other case is closed as duplicate, reporters follow the survivor", async () => {
    const mod = await staff(conn.db, ["moderator"]);
    const a = await report(conn.db, { urls: [`https://t.me/chan/${Date.now()}`] });
    const b = await report(conn.db, { urls: [`https://wa.me/2126${Date.now() % 100000000}`] });
    await transitionCase(conn.db, mod, { caseId: a.caseId, to: "triage" });
    await mergeCases(conn.db, mod, {
      sourceId: b.caseId,
      survivorId: a.caseId,
      note: "same rumour on two platforms",
    });

    const [survivor, merged] = [await getCase(a.caseId), await getCase(b.caseId)];
    expect(merged).toMatchObject({ status: "duplicate", mergedIntoId: a.caseId, reportCount: 0 });
    expect(survivor.reportCount).toBe(2);
    expect(survivor.platforms.sort()).toEqual(["telegram", "whatsapp"]);
    expect(await linksOf(b.caseId)).toEqual([]);
    expect((await linksOf(a.caseId)).length).toBe(2);
    const moved = await conn.db
      .select({ caseId: reports.caseId })
      .from(reports)
      .where(eq(reports.id, b.id));
    expect(moved[0].caseId).toBe(a.caseId);
    expect((await trackReport(conn.db, b.receipt))?.status).toBe("in_review");
    const timeline = await conn.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, a.caseId))
      .orderBy(asc(caseEvents.id));
    expect(timeline.map((e) => e.type)).toEqual(["created", "transition", "merged"]);
  });

  it("refuses to merge into a closed case or into itself", async () => {
    const mod = await staff(conn.db, ["moderator"]);
    const a = await report(conn.db);
    const b = await report(conn.db);
    await expect(
      mergeCases(conn.db, mod, { sourceId: a.caseId, survivorId: a.caseId, note: "x" }),
    ).rejects.toMatchObject({ code: "transition_refused" });
    await transitionCase(conn.db, mod, {
      caseId: b.caseId,
      to: "no_action",
      note: "nothing to do",
    });
    await expect(
      mergeCases(conn.db, mod, { sourceId: a.caseId, survivorId: b.caseId, note: "x" }),
    ).rejects.toMatchObject({ code: "transition_refused" });
  });

  it("splits one report out into a new case of its own", async () => {
    const mod = await staff(conn.db, ["moderator"]);
    const url = `https://www.youtube.com/watch?v=split${Date.now()}`;
    const a = await report(conn.db, { urls: [url] });
    const b = await report(conn.db, {
      urls: [url, "https://news.example.ma/other"],
      category: "fake_incident",
    });
    expect(b.caseId).toBe(a.caseId);
    const newCaseId = await splitReport(conn.db, mod, {
      reportId: b.id,
      note: "this one is about another video",
    });

    const [old, created] = [await getCase(a.caseId), await getCase(newCaseId)];
    expect(old.reportCount).toBe(1);
    expect(created).toMatchObject({ reportCount: 1, status: "new", category: "fake_incident" });
    expect(await linksOf(a.caseId)).toEqual([
      `https://youtube.com/watch?v=split${url.split("split")[1]}`,
    ]);
    expect((await linksOf(newCaseId)).sort()).toContain("https://news.example.ma/other");
    await expect(
      splitReport(conn.db, mod, { reportId: a.id, note: "alone" }),
    ).rejects.toMatchObject({ code: "transition_refused" });
  });
});

describe("transitions", () => {
  it("store actor, time and note, and show on the reporter's tracking page", async () => {
    const mod = await staff(conn.db, ["moderator"]);
    const r = await report(conn.db);
    expect((await trackReport(conn.db, r.receipt))?.status).toBe("received");
    await transitionCase(conn.db, mod, { caseId: r.caseId, to: "triage" });
    expect((await trackReport(conn.db, r.receipt))?.status).toBe("in_review");
    await transitionCase(conn.db, mod, { caseId: r.caseId, to: "verifying" });
    await expect(
      transitionCase(conn.db, mod, { caseId: r.caseId, to: "debunked" }),
    ).rejects.toMatchObject({ code: "transition_refused", detail: { reason: "note_required" } });
    await transitionCase(conn.db, mod, {
      caseId: r.caseId,
      to: "debunked",
      note: "the prefecture confirmed no such incident",
    });
    expect(await trackReport(conn.db, r.receipt)).toMatchObject({
      status: "closed",
      outcome: "debunked",
    });
    const last = (
      await conn.db
        .select()
        .from(caseEvents)
        .where(eq(caseEvents.caseId, r.caseId))
        .orderBy(asc(caseEvents.id))
    ).at(-1)!;
    expect(last).toMatchObject({
      actorId: mod.id,
      fromStatus: "verifying",
      toStatus: "debunked",
      note: "the prefecture confirmed no such incident",
    });
  });

  it("record the judicial referral", async () => {
    const mod = await staff(conn.db, ["moderator"]);
    const r = await report(conn.db, {
      kind: "violent_content",
      category: "crime_documentation",
      urls: [`https://x.com/v/status/${Date.now()}`],
    });
    await transitionCase(conn.db, mod, { caseId: r.caseId, to: "triage" });
    await transitionCase(conn.db, mod, { caseId: r.caseId, to: "expertise" });
    await transitionCase(conn.db, mod, {
      caseId: r.caseId,
      to: "referred",
      note: "expertise done",
      referral: { date: "2025-06-01", unit: "BNPJ", reference: "PV 42/2025" },
    });
    expect(await getCase(r.caseId)).toMatchObject({
      status: "referred",
      referralDate: "2025-06-01",
      referralUnit: "BNPJ",
      referralReference: "PV 42/2025",
    });
  });
});

describe("bulk close", () => {
  it("closes all the selected cases, or none when one cannot be closed", async () => {
    const { closeCases } = await import("./service");
    const mod = await staff(conn.db, ["moderator"]);
    const [a, b, closed] = [await report(conn.db), await report(conn.db), await report(conn.db)];
    await transitionCase(conn.db, mod, { caseId: closed.caseId, to: "no_action", note: "done" });
    await expect(
      closeCases(conn.db, mod, {
        caseIds: [a.caseId, closed.caseId, b.caseId],
        to: "no_action",
        note: "spam wave",
      }),
    ).rejects.toMatchObject({ code: "transition_refused" });
    expect((await getCase(a.caseId)).status).toBe("new");
    await closeCases(conn.db, mod, {
      caseIds: [a.caseId, b.caseId],
      to: "no_action",
      note: "spam wave",
    });
    expect([(await getCase(a.caseId)).status, (await getCase(b.caseId)).status]).toEqual([
      "no_action",
      "no_action",
    ]);
  });
});
