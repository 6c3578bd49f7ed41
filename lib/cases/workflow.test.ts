import { describe, expect, it } from "vitest";
import {
  CASE_STATUSES,
  checkTransition,
  nextStatuses,
  publicStatusOf,
  type CaseStatus,
  type Role,
} from "./workflow";

const mod: Role[] = ["moderator"];

describe("nextStatuses", () => {
  it.each([
    ["rumor", "new", ["triage", "no_action", "duplicate"]],
    ["rumor", "triage", ["verifying", "no_action", "duplicate"]],
    ["rumor", "verifying", ["debunked", "confirmed", "no_action", "duplicate"]],
    ["violent_content", "new", ["triage", "no_action", "duplicate"]],
    ["violent_content", "triage", ["expertise", "no_action", "duplicate"]],
    ["violent_content", "expertise", ["referred", "no_action", "duplicate"]],
  ] as const)("%s: %s → %j", (kind, from, to) => {
    expect(nextStatuses(kind, from)).toEqual(to);
  });

  it("leads nowhere from a final status", () => {
    for (const s of ["debunked", "confirmed", "no_action", "referred", "duplicate"] as const) {
      expect(nextStatuses("rumor", s)).toEqual([]);
      expect(nextStatuses("violent_content", s)).toEqual([]);
    }
  });

  it("keeps each kind to its own path", () => {
    expect(nextStatuses("rumor", "triage")).not.toContain("expertise");
    expect(nextStatuses("violent_content", "triage")).not.toContain("verifying");
    expect(nextStatuses("rumor", "expertise")).toEqual(["no_action", "duplicate"]);
  });
});

describe("checkTransition", () => {
  // Every (kind, from, to) pair: allowed exactly when nextStatuses says so.
  for (const kind of ["rumor", "violent_content"] as const) {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        const allowed = nextStatuses(kind, from).includes(to);
        it(`${kind}: ${from} → ${to} is ${allowed ? "allowed" : "refused"}`, () => {
          const res = checkTransition({
            kind,
            from,
            to,
            roles: mod,
            note: "checked with the regional service",
            referral: { date: "2025-05-02", unit: "BNPJ", reference: "PV 12/2025" },
            survivorId: "other",
            caseId: "self",
          });
          expect(res).toEqual(allowed ? { ok: true } : { ok: false, reason: "not_allowed" });
        });
      }
    }
  }

  it("refuses staff without a case role, admins included", () => {
    for (const roles of [[], ["admin"]] as Role[][]) {
      expect(checkTransition({ kind: "rumor", from: "new", to: "triage", roles })).toEqual({
        ok: false,
        reason: "forbidden",
      });
    }
    expect(
      checkTransition({ kind: "rumor", from: "new", to: "triage", roles: ["publisher"] }),
    ).toEqual({ ok: true });
    expect(
      checkTransition({ kind: "rumor", from: "new", to: "triage", roles: ["admin", "moderator"] }),
    ).toEqual({ ok: true });
  });

  it("refuses to close without a note", () => {
    for (const [from, to] of [
      ["verifying", "debunked"],
      ["new", "no_action"],
      ["triage", "duplicate"],
    ] as [CaseStatus, CaseStatus][]) {
      expect(
        checkTransition({ kind: "rumor", from, to, roles: mod, note: "  ", survivorId: "x" }),
      ).toEqual({ ok: false, reason: "note_required" });
    }
    expect(checkTransition({ kind: "rumor", from: "new", to: "triage", roles: mod })).toEqual({
      ok: true,
    });
  });

  it("needs the judicial referral's date, unit and reference", () => {
    const base = {
      kind: "violent_content",
      from: "expertise",
      to: "referred",
      roles: mod,
      note: "sent",
    } as const;
    expect(checkTransition(base)).toEqual({ ok: false, reason: "referral_required" });
    expect(
      checkTransition({ ...base, referral: { date: "2025-05-02", unit: " ", reference: "x" } }),
    ).toEqual({ ok: false, reason: "referral_required" });
    expect(
      checkTransition({
        ...base,
        referral: { date: "2025-05-02", unit: "BNPJ", reference: "PV 1" },
      }),
    ).toEqual({ ok: true });
  });

  it("needs another case to be a duplicate of", () => {
    const base = {
      kind: "rumor",
      from: "triage",
      to: "duplicate",
      roles: mod,
      note: "same post",
      caseId: "a",
    } as const;
    expect(checkTransition(base)).toEqual({ ok: false, reason: "survivor_required" });
    expect(checkTransition({ ...base, survivorId: "a" })).toEqual({
      ok: false,
      reason: "survivor_required",
    });
    expect(checkTransition({ ...base, survivorId: "b" })).toEqual({ ok: true });
  });
});

describe("publicStatusOf", () => {
  it.each([
    ["new", "received"],
    ["triage", "in_review"],
    ["verifying", "in_review"],
    ["expertise", "in_review"],
    ["debunked", "closed"],
    ["confirmed", "closed"],
    ["no_action", "closed"],
    ["referred", "closed"],
    ["duplicate", "closed"],
  ] as const)("%s → %s", (s, p) => expect(publicStatusOf(s)).toBe(p));
});
