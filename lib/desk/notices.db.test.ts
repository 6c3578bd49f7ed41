import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { auditEvents, caseEvents } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { getDeskDelays } from "@/lib/stats/desk";
import { canonicalizeUrl } from "@/lib/text/canonical-url";
import { countNoticeRechecks, listQueue, queueFilterSchema } from "@/lib/cases/queue";
import { transitionCase } from "@/lib/cases/service";
import { withTestDb } from "@/lib/testing/db";
import { report, staff } from "@/lib/testing/fixtures";
import { noticeJson, noticesOfCase, prepareNotice, recordNotice } from "./notices";
import { saveTemplate, templateOf } from "./templates";

const conn = withTestDb();
let moderator: Actor;
let admin: Actor;
const URL_X = "https://x.com/someone/status/1900000000000000001";
const reasons =
  "The post claims a kidnapping near a school in Rabat; no such event happened (police statement).";

beforeAll(async () => {
  moderator = await staff(conn.db, ["moderator"]);
  admin = await staff(conn.db, ["admin"]);
});

const violentCase = async (url = URL_X) =>
  (
    await report(conn.db, {
      kind: "violent_content",
      category: "violence",
      urls: [url],
      description: `A video of an assault shared with calls for revenge ${Math.random()}`,
    })
  ).caseId;

describe("takedown notices", () => {
  it("prepares a notice with what DSA Art. 16(2) asks, in the chosen language", async () => {
    const caseId = await violentCase();
    const n = await prepareNotice(conn.db, moderator, {
      caseId,
      url: URL_X,
      language: "fr",
      reasons,
    });
    // The link as the case holds it: its canonical form (tracking parameters removed).
    const exact = canonicalizeUrl(URL_X)!;
    expect(n).toMatchObject({ status: "prepared", platform: "x", locale: "fr", url: exact });
    // The exact URL, the reasons, the sender with an address, and the statement of good faith.
    expect(n.body).toContain(exact);
    expect(n.body).toContain(reasons);
    expect(n.body).toContain(env.ORG_NAME);
    expect(n.body).toContain(moderator.email);
    expect(n.body).toContain("de bonne foi");
    expect(n.body).toContain("article 16");
    const json = noticeJson(n, 7, moderator.email);
    expect(json).toMatchObject({
      url: exact,
      explanation: reasons,
      submitter: { name: env.ORG_NAME, email: moderator.email },
      language: "fr",
    });
    expect(json.goodFaithStatement).toMatch(/bonne foi/);

    // One notice per link; a link of another case is refused.
    await expect(
      prepareNotice(conn.db, moderator, { caseId, url: URL_X, language: "en", reasons }),
    ).rejects.toMatchObject({ detail: { reason: "notice_exists" } });
    await expect(
      prepareNotice(conn.db, moderator, {
        caseId,
        url: "https://x.com/other/status/1",
        language: "en",
        reasons,
      }),
    ).rejects.toMatchObject({ detail: { reason: "notice_link" } });
  });

  it("tracks sent → acknowledged → removed, in the timeline and the audit trail", async () => {
    const url = "https://www.facebook.com/groups/g/posts/2000000000001";
    const caseId = await violentCase(url);
    const n = await prepareNotice(conn.db, moderator, { caseId, url, language: "en", reasons });
    await expect(
      recordNotice(conn.db, moderator, { caseId, noticeId: n.id, event: "acknowledged" }),
    ).rejects.toMatchObject({ detail: { reason: "notice_state" } });
    // Through another case (one the member holds, say), the notice is not found.
    const other = await violentCase("https://www.facebook.com/groups/g/posts/2000000000002");
    await expect(
      recordNotice(conn.db, moderator, {
        caseId: other,
        noticeId: n.id,
        event: "sent",
        sentTo: "form",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      recordNotice(conn.db, moderator, { caseId, noticeId: n.id, event: "sent" }),
    ).rejects.toMatchObject({ detail: { reason: "notice_sent_to" } });
    const t0 = new Date("2026-11-02T09:00:00Z");
    const sent = await recordNotice(
      conn.db,
      moderator,
      {
        caseId,
        noticeId: n.id,
        event: "sent",
        sentTo: "Meta DSA notice form",
        reference: "FB-123",
      },
      t0,
    );
    expect(sent).toMatchObject({ status: "sent", sentTo: "Meta DSA notice form", sentAt: t0 });
    expect(sent.recheckAt).toEqual(new Date("2026-11-09T09:00:00Z"));
    await recordNotice(conn.db, moderator, { caseId, noticeId: n.id, event: "still_online" }, t0);
    await recordNotice(conn.db, moderator, { caseId, noticeId: n.id, event: "acknowledged" }, t0);
    const removedAt = new Date("2026-11-03T15:00:00Z");
    const removed = await recordNotice(
      conn.db,
      moderator,
      { caseId, noticeId: n.id, event: "removed" },
      removedAt,
    );
    expect(removed).toMatchObject({ status: "removed", resolvedAt: removedAt, recheckAt: null });
    await expect(
      recordNotice(conn.db, moderator, { caseId, noticeId: n.id, event: "refused" }),
    ).rejects.toMatchObject({ detail: { reason: "notice_state" } });

    const events = await conn.db
      .select({ type: caseEvents.type, data: caseEvents.data })
      .from(caseEvents)
      .where(eq(caseEvents.caseId, caseId));
    expect(events.filter((e) => e.type === "notice").map((e) => e.data?.event)).toEqual([
      "prepared",
      "sent",
      "still_online",
      "acknowledged",
      "removed",
    ]);
    const audits = await conn.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, caseId));
    expect(audits.map((a) => a.action)).toContain("notice.record");
    expect((await noticesOfCase(conn.db, caseId))[0].creatorEmail).toBe(moderator.email);

    // Time to removal: 30 hours, per platform and year.
    const delays = await getDeskDelays(conn.db, 2026, 2026, "UTC");
    expect(delays.removal).toContainEqual({
      year: 2026,
      key: "facebook",
      count: 1,
      median: 30,
      p90: 30,
    });
  });

  it("lists the cases whose notice is due a look, closed ones too, until the content is removed", async () => {
    const url = "https://www.instagram.com/p/RECHECK1/";
    const caseId = await violentCase(url);
    const n = await prepareNotice(conn.db, moderator, { caseId, url, language: "en", reasons });
    const sent = new Date("2026-10-01T08:00:00Z");
    await recordNotice(
      conn.db,
      moderator,
      { caseId, noticeId: n.id, event: "sent", sentTo: "form" },
      sent,
    );
    await transitionCase(conn.db, moderator, { caseId, to: "no_action", note: "documented" });
    const view = async (at: Date) =>
      (
        await listQueue(
          conn.db,
          queueFilterSchema.parse({ notice: "recheck" }),
          moderator.id,
          50,
          at,
        )
      ).rows.map((r) => r.id);
    const week = new Date(sent.getTime() + 8 * 86_400_000);
    expect(await view(new Date(sent.getTime() + 86_400_000))).not.toContain(caseId);
    expect(await view(week)).toContain(caseId);
    expect(await countNoticeRechecks(conn.db, 1000, week)).toBeGreaterThan(0);
    await recordNotice(conn.db, moderator, { caseId, noticeId: n.id, event: "removed" }, week);
    expect(await view(week)).not.toContain(caseId);
  });

  it("an admin's template replaces the default; an empty one restores it; others may not", async () => {
    const before = await templateOf(conn.db, "notice", "violent_content", "en");
    expect(before.custom).toBe(false);
    await expect(
      saveTemplate(conn.db, moderator, {
        purpose: "notice",
        kind: "violent_content",
        language: "en",
        body: "x",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await saveTemplate(conn.db, admin, {
      purpose: "notice",
      kind: "violent_content",
      language: "en",
      body: "Dear {platform}, please remove {url}. {reasons} — {sender} {senderEmail}. {goodFaith} {unknown}",
    });
    const url = "https://www.youtube.com/watch?v=abcdefghijk";
    const caseId = await violentCase(url);
    const n = await prepareNotice(conn.db, moderator, {
      caseId,
      url,
      language: "en",
      reasons,
    });
    expect(n.body).toBe(
      `Dear YouTube, please remove ${canonicalizeUrl(url)}. ${reasons} — ${env.ORG_NAME} ${moderator.email}. I confirm my bona fide belief that the information and allegations contained in this notice are accurate and complete. {unknown}`,
    );
    await saveTemplate(conn.db, admin, {
      purpose: "notice",
      kind: "violent_content",
      language: "en",
      body: "  ",
    });
    expect(await templateOf(conn.db, "notice", "violent_content", "en")).toEqual(before);
  });
});
