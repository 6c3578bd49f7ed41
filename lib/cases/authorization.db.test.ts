import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor, setStaffDisabled } from "@/lib/auth/staff";
import { withTestDb } from "@/lib/testing/db";
import { report, staff } from "@/lib/testing/fixtures";
import {
  addCaseNote,
  assignCases,
  closeCases,
  holdCase,
  mergeCases,
  releaseHold,
  revealContact,
  setPriority,
  splitReport,
  transitionCase,
} from "./service";
import { listDeadlines, updateDeadline } from "./deadlines";
import type { Role } from "./workflow";
import { prepareNotice, recordNotice } from "@/lib/desk/notices";
import { saveTemplate } from "@/lib/desk/templates";

const conn = withTestDb();

const actors: Record<string, Actor | null> = {};
let assigneeId = "";
let other: Actor;

beforeAll(async () => {
  actors.anonymous = null;
  for (const [name, roles] of [
    ["moderator", ["moderator"]],
    ["publisher", ["publisher"]],
    ["admin", ["admin"]],
    ["admin+moderator", ["admin", "moderator"]],
  ] as [string, Role[]][]) {
    actors[name] = await staff(conn.db, roles);
  }
  assigneeId = actors.moderator!.id;
  other = await staff(conn.db, ["moderator"]);
  // A disabled account is nobody, even with a live session: loadActor returns null.
  const disabled = await staff(conn.db, ["moderator"]);
  await setStaffDisabled(conn.db, disabled.email, true);
  actors.disabled = await loadActor(conn.db, disabled.id);
});

// Each staff action, run on fresh data so that one role's success does not change another's case.
const ACTIONS: Record<string, (actor: Actor | null) => Promise<unknown>> = {
  transition: async (a) =>
    transitionCase(conn.db, a, { caseId: (await report(conn.db)).caseId, to: "triage" }),
  merge: async (a) =>
    mergeCases(conn.db, a, {
      sourceId: (await report(conn.db)).caseId,
      survivorId: (await report(conn.db)).caseId,
      note: "same",
    }),
  split: async (a) => {
    const url = `https://x.com/s/status/${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    await report(conn.db, { urls: [url] });
    return splitReport(conn.db, a, {
      reportId: (await report(conn.db, { urls: [url] })).id,
      note: "different claim",
    });
  },
  assign: async (a) =>
    assignCases(conn.db, a, { caseIds: [(await report(conn.db)).caseId], assigneeId }),
  priority: async (a) =>
    setPriority(conn.db, a, { caseIds: [(await report(conn.db)).caseId], priority: "urgent" }),
  bulkClose: async (a) =>
    closeCases(conn.db, a, {
      caseIds: [(await report(conn.db)).caseId],
      to: "no_action",
      note: "not in scope",
    }),
  note: async (a) =>
    addCaseNote(conn.db, a, {
      caseId: (await report(conn.db)).caseId,
      note: "called the regional office",
    }),
  hold: async (a) =>
    holdCase(conn.db, a, { caseId: (await report(conn.db)).caseId, explicit: true }),
  takeOver: async (a) => {
    const { caseId } = await report(conn.db);
    await holdCase(conn.db, other, { caseId });
    return holdCase(conn.db, a, { caseId, takeOver: true });
  },
  releaseOwnHold: async (a) => {
    const { caseId } = await report(conn.db);
    await holdCase(conn.db, a?.roles.some((r) => r !== "admin") ? a : other, { caseId });
    return releaseHold(conn.db, a, { caseId });
  },
  prepareNotice: async (a) => {
    const url = `https://x.com/s/status/${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const { caseId } = await report(conn.db, { urls: [url] });
    return prepareNotice(conn.db, a, { caseId, url, language: "en", reasons: REASONS });
  },
  recordNotice: async (a) => {
    const url = `https://x.com/s/status/${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const { caseId } = await report(conn.db, { urls: [url] });
    const n = await prepareNotice(conn.db, other, {
      caseId,
      url,
      language: "en",
      reasons: REASONS,
    });
    return recordNotice(conn.db, a, {
      caseId,
      noticeId: n.id,
      event: "sent",
      sentTo: "platform form",
    });
  },
  revealContact: async (a) =>
    revealContact(conn.db, a, {
      reportId: (await report(conn.db, { contact: { email: "r@example.ma" } })).id,
      reason: "call back the witness",
    }),
};

const REASONS = "A video inciting violence against a named family, shared widely.";

// The desk's settings: admins only.
const ADMIN_ACTIONS: Record<string, (actor: Actor | null) => Promise<unknown>> = {
  deadlines: async (a) => updateDeadline(conn.db, a, (await listDeadlines(conn.db))[0]),
  template: async (a) =>
    saveTemplate(conn.db, a, { purpose: "closing", kind: "rumor", language: "fr", body: "" }),
};
const EXPECTED_ADMIN: Record<string, "ok" | "unauthorized" | "forbidden"> = {
  anonymous: "unauthorized",
  disabled: "unauthorized",
  admin: "ok",
  moderator: "forbidden",
  publisher: "forbidden",
  "admin+moderator": "ok",
};

const EXPECTED: Record<string, "ok" | "unauthorized" | "forbidden"> = {
  anonymous: "unauthorized",
  disabled: "unauthorized",
  admin: "forbidden",
  moderator: "ok",
  publisher: "ok",
  "admin+moderator": "ok",
};

describe("who may do what on cases", () => {
  for (const action of Object.keys(ACTIONS)) {
    for (const [who, outcome] of Object.entries(EXPECTED)) {
      it(`${action} by ${who}: ${outcome === "ok" ? "allowed" : `refused (${outcome})`}`, async () => {
        const run = ACTIONS[action](actors[who]);
        if (outcome === "ok") await expect(run).resolves.not.toThrow();
        else await expect(run).rejects.toMatchObject({ code: outcome });
      });
    }
  }

  for (const action of Object.keys(ADMIN_ACTIONS)) {
    for (const [who, outcome] of Object.entries(EXPECTED_ADMIN)) {
      it(`${action} by ${who}: ${outcome === "ok" ? "allowed" : `refused (${outcome})`}`, async () => {
        const run = ADMIN_ACTIONS[action](actors[who]);
        if (outcome === "ok") await expect(run).resolves.not.toThrow();
        else await expect(run).rejects.toMatchObject({ code: outcome });
      });
    }
  }

  it("reveals the contact only with a reason, and returns it decrypted", async () => {
    const r = await report(conn.db, {
      contact: { email: "witness@example.ma", phone: "+212611111111" },
    });
    await expect(
      revealContact(conn.db, actors.moderator, { reportId: r.id, reason: "" }),
    ).rejects.toMatchObject({ code: "transition_refused" });
    expect(
      await revealContact(conn.db, actors.moderator, {
        reportId: r.id,
        reason: "need the original video",
      }),
    ).toEqual({ email: "witness@example.ma", phone: "+212611111111" });
  });
});
