import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { caseEvents, cases } from "@/lib/db/schema";
import type { MailMessage } from "@/lib/mail/transport";
import { getDeskDelays } from "@/lib/stats/desk";
import { withTestDb } from "@/lib/testing/db";
import { OPEN_STATUSES } from "@/lib/vocabulary";
import { report, staff } from "@/lib/testing/fixtures";
import { escalateOverdue, listDeadlines, minutesLeft, updateDeadline } from "./deadlines";
import { sweepOverdue } from "./escalation";
import { countOverdue, listQueue, queueFilterSchema } from "./queue";
import { addCaseNote, setPriority, transitionCase } from "./service";

const conn = withTestDb();
let moderator: Actor;
let publisher: Actor;
let admin: Actor;
const MIN = 60_000;
const after = (m: number, from: Date) => new Date(from.getTime() + m * MIN);

beforeAll(async () => {
  moderator = await staff(conn.db, ["moderator"]);
  publisher = await staff(conn.db, ["publisher"]);
  admin = await staff(conn.db, ["admin"]);
});

const caseRow = async (id: string) =>
  (await conn.db.select().from(cases).where(eq(cases.id, id)))[0];
const deadline = async (kind: string, priority: string) =>
  (await listDeadlines(conn.db)).find((d) => d.kind === kind && d.priority === priority)!;

describe("deadlines", () => {
  it("a new case is due for a first action, then for a decision once acted on", async () => {
    const { caseId } = await report(conn.db);
    const c = await caseRow(caseId);
    const d = await deadline("rumor", "normal");
    expect(c.dueAt).toEqual(after(d.firstActionMinutes, c.firstReportAt));
    expect(c.firstActionAt).toBeNull();
    expect(minutesLeft(c, c.firstReportAt)).toBe(d.firstActionMinutes);

    await addCaseNote(conn.db, moderator, { caseId, note: "looking at it" });
    const acted = await caseRow(caseId);
    expect(acted.firstActionAt).not.toBeNull();
    expect(acted.dueAt).toEqual(after(d.decisionMinutes, c.firstReportAt));

    // A higher priority has a shorter deadline, whoever raises it.
    await setPriority(conn.db, moderator, { caseIds: [caseId], priority: "urgent" });
    const urgent = await deadline("rumor", "urgent");
    expect((await caseRow(caseId)).dueAt).toEqual(after(urgent.decisionMinutes, c.firstReportAt));
  });

  it("an urgent violent content is due within the hour", async () => {
    const { caseId } = await report(conn.db, {
      kind: "violent_content",
      category: "violence",
      urls: ["https://www.tiktok.com/@x/video/7300000000000000099"],
    });
    await setPriority(conn.db, moderator, { caseIds: [caseId], priority: "urgent" });
    const c = await caseRow(caseId);
    // The priority change is the first action: the decision deadline applies.
    expect(c.dueAt).toEqual(
      after((await deadline("violent_content", "urgent")).decisionMinutes, c.firstReportAt),
    );
    expect((await deadline("violent_content", "urgent")).firstActionMinutes).toBe(60);
  });

  it("lists overdue cases first within their priority, and in their own view", async () => {
    const older = await report(conn.db);
    const late = await report(conn.db);
    // Acted on: its deadline is the decision's, a day later; the untouched one is due first.
    await addCaseNote(conn.db, moderator, { caseId: older.caseId, note: "first look" });
    const d = await deadline("rumor", "normal");
    const now = after(d.firstActionMinutes + 1, (await caseRow(late.caseId)).firstReportAt);
    const { rows } = await listQueue(
      conn.db,
      queueFilterSchema.parse({ priority: "normal" }),
      moderator.id,
      500,
    );
    const ids = rows.map((r) => r.id);
    expect(ids.indexOf(late.caseId)).toBeLessThan(ids.indexOf(older.caseId));

    const overdue = queueFilterSchema.parse({ due: "overdue" });
    const view = async (at: Date) =>
      (await listQueue(conn.db, overdue, moderator.id, 500, at)).rows.map((r) => r.id);
    // Nothing of these is overdue yet (minutes old); past the first-action deadline, the
    // untouched case is, the one acted on is not (its decision is due a day later).
    expect(await view(new Date())).not.toContain(late.caseId);
    expect(await view(now)).toContain(late.caseId);
    expect(await view(now)).not.toContain(older.caseId);
    expect(await countOverdue(conn.db, overdue, moderator.id, 1000, now)).toBeGreaterThan(0);
  });

  it("escalates an overdue case once per deadline, with an event, and mails the publishers", async () => {
    const { caseId } = await report(conn.db);
    const c = await caseRow(caseId);
    const d = await deadline("rumor", "normal");
    const late = after(d.firstActionMinutes + 5, c.firstReportAt);
    const sent: MailMessage[] = [];
    const escalated = await sweepOverdue(conn.db, { send: async (m) => void sent.push(m) }, late);
    expect(escalated.map((e) => e.id)).toContain(caseId);
    const raised = await caseRow(caseId);
    expect(raised.priority).toBe("high");
    expect(raised.escalatedAt).toEqual(late);
    const events = await conn.db
      .select({ type: caseEvents.type, data: caseEvents.data, actorId: caseEvents.actorId })
      .from(caseEvents)
      .where(eq(caseEvents.caseId, caseId));
    expect(events).toContainEqual({
      type: "escalated",
      actorId: null,
      data: { from: "normal", to: "high", dueAt: expect.any(String) },
    });
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toContain(publisher.email);
    expect(sent[0].to).not.toContain(moderator.email);
    expect(sent[0].text).toContain(`/moderation/cases/${caseId}`);
    // Escalation is no staff action: the first-action deadline still counts.
    expect(raised.firstActionAt).toBeNull();

    // Still overdue (earlier still at its new priority), but not escalated twice.
    expect((await escalateOverdue(conn.db, after(1, late))).map((e) => e.id)).not.toContain(caseId);
    // Acted on: the decision deadline; once that passes, escalated again.
    await addCaseNote(conn.db, moderator, { caseId, note: "on it" });
    const high = await deadline("rumor", "high");
    const later = after(high.decisionMinutes + 1, c.firstReportAt);
    const again = await escalateOverdue(conn.db, later);
    expect(again.find((e) => e.id === caseId)).toMatchObject({
      fromPriority: "high",
      toPriority: "urgent",
    });
  });

  it("leaves closed cases alone", async () => {
    const { caseId } = await report(conn.db);
    await transitionCase(conn.db, moderator, { caseId, to: "no_action", note: "nothing there" });
    const c = await caseRow(caseId);
    const escalated = await escalateOverdue(conn.db, after(60 * 24 * 60, c.firstReportAt));
    expect(escalated.map((e) => e.id)).not.toContain(caseId);
    expect(minutesLeft(c)).toBeNull();
  });

  it("an admin's new deadline applies to open cases at once; nobody else may change it", async () => {
    const { caseId } = await report(conn.db, { category: "fake_incident" });
    const c = await caseRow(caseId);
    const before = await deadline("rumor", "normal");
    await expect(
      updateDeadline(conn.db, moderator, { ...before, firstActionMinutes: 30 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await updateDeadline(conn.db, admin, { ...before, firstActionMinutes: 30 });
    expect((await caseRow(caseId)).dueAt).toEqual(after(30, c.firstReportAt));
    await updateDeadline(conn.db, admin, before);
    expect((await caseRow(caseId)).dueAt).toEqual(
      after(before.firstActionMinutes, c.firstReportAt),
    );
    await expect(
      updateDeadline(conn.db, admin, { ...before, decisionMinutes: 10, firstActionMinutes: 20 }),
    ).rejects.toThrow();
  });

  it("gives the year's time to first action and to decision per kind", async () => {
    const year = new Date().getFullYear();
    const delays = await getDeskDelays(conn.db, year - 1, year + 1, "UTC");
    const rumor = delays.firstAction.find((d) => d.key === "rumor");
    expect(rumor?.count).toBeGreaterThan(0);
    expect(rumor?.median).toBeGreaterThanOrEqual(0);
    expect(delays.decision.find((d) => d.key === "rumor")?.count).toBeGreaterThan(0);
  });
});

describe("iblagh_escalate_overdue", () => {
  it("names the app's open statuses (the partial index's predicate needs them as literals)", () => {
    const text = readFileSync("drizzle/functions/iblagh_escalate_overdue.sql", "utf8");
    expect(text).toContain(`c.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(", ")})`);
  });
});
