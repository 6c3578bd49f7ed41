import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, signInAttempts, staffUsers } from "@/lib/db/schema";
import { withTestDb } from "@/lib/testing/db";
import { staff } from "@/lib/testing/fixtures";
import { decrypt } from "@/lib/security/crypto";
import { getSecrets } from "@/lib/security/secrets";
import { issueDeviceToken } from "./device";
import {
  ATTEMPTS_KEPT_MS,
  staffEmailHash,
  authenticate,
  enableTotp,
  endSessions,
  loadActor,
  loadSessionActor,
  purgeSignInAttempts,
  removeTotp,
  resetTotp,
  setStaffDisabled,
  THROTTLE_FAILURES,
} from "./staff";
import { newTotpSecret, totpCode } from "./totp";

const conn = withTestDb();

describe("authenticate", () => {
  it("signs in with the right password, whatever the email's case, and audits it", async () => {
    const s = await staff(conn.db, ["moderator"]);
    const res = await authenticate(
      conn.db,
      { email: s.email.toUpperCase(), password: s.password },
      "client-a",
    );
    expect(res).toMatchObject({ ok: true, actor: { id: s.id, roles: ["moderator"] } });
    const audited = await conn.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "sign_in.success"), eq(auditEvents.actorId, s.id)));
    expect(audited).toHaveLength(1);
  });

  it("refuses a wrong password, an unknown email and a disabled account alike", async () => {
    const s = await staff(conn.db, ["moderator"]);
    expect(await authenticate(conn.db, { email: s.email, password: "wrong" }, "client-b")).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(
      await authenticate(conn.db, { email: "nobody@test.iblagh.local", password: "x" }, "client-b"),
    ).toEqual({ ok: false, reason: "invalid" });
    await setStaffDisabled(conn.db, s.email, true);
    expect(
      await authenticate(conn.db, { email: s.email, password: s.password }, "client-b2"),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(await loadActor(conn.db, s.id)).toBeNull();
  });

  it("throttles an account after 5 failures, even with the right password, from any client", async () => {
    const s = await staff(conn.db, ["moderator"]);
    for (let i = 0; i < THROTTLE_FAILURES; i++)
      await authenticate(conn.db, { email: s.email, password: "guess" }, `client-c${i}`);
    const res = await authenticate(
      conn.db,
      { email: s.email, password: s.password },
      "client-fresh",
    );
    expect(res).toMatchObject({ ok: false, reason: "throttled" });
    expect((res as { retryAfter: number }).retryAfter).toBeGreaterThan(800);
    // After the window the account can sign in again.
    const later = new Date(Date.now() + 16 * 60_000);
    expect(
      await authenticate(conn.db, { email: s.email, password: s.password }, "client-fresh", later),
    ).toMatchObject({ ok: true });
  });

  it("checks at most 5 passwords of a burst sent at once, for one account or from one client", async () => {
    const s = await staff(conn.db, ["moderator"]);
    const account = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        authenticate(conn.db, { email: s.email, password: `guess${i}` }, `burst-a${i}`),
      ),
    );
    expect(account.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(THROTTLE_FAILURES);
    expect(account.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(
      20 - THROTTLE_FAILURES,
    );
    const client = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        authenticate(
          conn.db,
          { email: `burst${i}@test.iblagh.local`, password: "x" },
          "burst-client",
        ),
      ),
    );
    expect(client.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(THROTTLE_FAILURES);
    const recorded = await conn.db
      .select()
      .from(signInAttempts)
      .where(
        and(eq(signInAttempts.clientHash, "burst-client"), eq(signInAttempts.throttled, false)),
      );
    expect(recorded).toHaveLength(THROTTLE_FAILURES);
  });

  it("throttles a client that guesses across accounts", async () => {
    for (let i = 0; i < THROTTLE_FAILURES; i++)
      await authenticate(
        conn.db,
        { email: `guess${i}@test.iblagh.local`, password: "x" },
        "client-d",
      );
    const s = await staff(conn.db, ["moderator"]);
    expect(
      await authenticate(conn.db, { email: s.email, password: s.password }, "client-d"),
    ).toMatchObject({ ok: false, reason: "throttled" });
    expect(
      await authenticate(conn.db, { email: s.email, password: s.password }, "client-e"),
    ).toMatchObject({ ok: true });
  });

  it("asks for the TOTP code once enrolled, and checks it", async () => {
    const s = await staff(conn.db, ["publisher"]);
    const secret = newTotpSecret();
    expect(await enableTotp(conn.db, s, secret, "000000")).toBe("invalid_code");
    expect(await enableTotp(conn.db, s, secret, totpCode(secret))).toBe("ok");
    expect(
      await authenticate(conn.db, { email: s.email, password: s.password }, "client-f"),
    ).toEqual({ ok: false, reason: "totp_required" });
    expect(
      await authenticate(
        conn.db,
        { email: s.email, password: s.password, code: "123456" },
        "client-f",
      ),
    ).toEqual({ ok: false, reason: "totp_invalid" });
    const next = totpCode(secret, Date.now() + 30_000);
    expect(
      await authenticate(conn.db, { email: s.email, password: s.password, code: next }, "client-f"),
    ).toMatchObject({ ok: true, actor: { totpEnabled: true } });
  });
});

describe("a trusted device", () => {
  it("still signs in while strangers' failures lock the account for untrusted clients, and one audit row marks the episode", async () => {
    const s = await staff(conn.db, ["moderator"]);
    const token = issueDeviceToken(staffEmailHash(s.email));
    // Strangers: 5 failures from 5 addresses, then 10 more attempts, all refused.
    for (let i = 0; i < THROTTLE_FAILURES; i++)
      await authenticate(conn.db, { email: s.email, password: "guess" }, `stranger-${i}`);
    const refused = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        authenticate(conn.db, { email: s.email, password: s.password }, `stranger-x${i}`),
      ),
    );
    expect(refused.every((r) => !r.ok && r.reason === "throttled")).toBe(true);
    // The owner, on the browser that signed in before, is not locked out.
    expect(
      await authenticate(
        conn.db,
        { email: s.email, password: s.password, deviceToken: token },
        "owner-home",
      ),
    ).toMatchObject({ ok: true });
    // A token of another account, or a forged one, is no trust.
    const other = issueDeviceToken(staffEmailHash("someone@else.example"));
    expect(
      await authenticate(
        conn.db,
        { email: s.email, password: s.password, deviceToken: other },
        "owner-home2",
      ),
    ).toMatchObject({ reason: "throttled" });
    expect(
      await authenticate(
        conn.db,
        { email: s.email, password: s.password, deviceToken: `${token.split(".")[0]}.forged` },
        "owner-home3",
      ),
    ).toMatchObject({ reason: "throttled" });
    const audits = await conn.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "sign_in.throttled"), eq(auditEvents.actorEmail, s.email)));
    expect(audits).toHaveLength(1);
  });

  it("is throttled on its own failures", async () => {
    const s = await staff(conn.db, ["moderator"]);
    const token = issueDeviceToken(staffEmailHash(s.email));
    for (let i = 0; i < THROTTLE_FAILURES; i++)
      await authenticate(
        conn.db,
        { email: s.email, password: "typo", deviceToken: token },
        "device-client",
      );
    expect(
      await authenticate(
        conn.db,
        { email: s.email, password: s.password, deviceToken: token },
        "device-client",
      ),
    ).toMatchObject({ reason: "throttled" });
    // Untrusted clients are not throttled by the device's failures.
    expect(
      await authenticate(conn.db, { email: s.email, password: s.password }, "elsewhere"),
    ).toMatchObject({ ok: true });
  });
});

describe("a TOTP code", () => {
  it("is accepted once: a replay within its window is refused, even sent at once", async () => {
    const s = await staff(conn.db, ["moderator"]);
    const secret = newTotpSecret();
    expect(await enableTotp(conn.db, s, secret, totpCode(secret))).toBe("ok");
    // The enrolment code itself is spent.
    expect(
      await authenticate(
        conn.db,
        { email: s.email, password: s.password, code: totpCode(secret) },
        "replay-a",
      ),
    ).toEqual({ ok: false, reason: "totp_invalid" });
    const code = totpCode(secret, Date.now() + 30_000);
    const burst = await Promise.all(
      Array.from({ length: 3 }, (_, i) =>
        authenticate(conn.db, { email: s.email, password: s.password, code }, `replay-b${i}`),
      ),
    );
    expect(burst.filter((r) => r.ok)).toHaveLength(1);
  });
});

describe("changing the second factor", () => {
  it("needs the current code to replace or remove it; an admin reset needs none and is audited", async () => {
    const s = await staff(conn.db, ["moderator"]);
    const first = newTotpSecret();
    expect(await enableTotp(conn.db, s, first, totpCode(first))).toBe("ok");
    const second = newTotpSecret();
    // A stolen session knows no current code: the secret stays.
    expect(await enableTotp(conn.db, s, second, totpCode(second))).toBe("current_code_invalid");
    expect(await enableTotp(conn.db, s, second, totpCode(second), "123456")).toBe(
      "current_code_invalid",
    );
    expect(await removeTotp(conn.db, s, "123456")).toBe("current_code_invalid");
    const [kept] = await conn.db
      .select({ enc: staffUsers.totpSecretEnc })
      .from(staffUsers)
      .where(eq(staffUsers.id, s.id));
    expect(decrypt(kept.enc!, getSecrets().encryptionKey)).toBe(first);

    expect(
      await enableTotp(conn.db, s, second, totpCode(second), totpCode(first, Date.now() + 30_000)),
    ).toBe("ok");
    expect(await removeTotp(conn.db, s, totpCode(second, Date.now() + 30_000))).toBe("ok");
    expect((await loadActor(conn.db, s.id))?.totpEnabled).toBe(false);

    expect(await enableTotp(conn.db, s, first, totpCode(first, Date.now() - 30_000))).toBe("ok");
    await resetTotp(conn.db, s.email);
    expect((await loadActor(conn.db, s.id))?.totpEnabled).toBe(false);
    const actions = (
      await conn.db
        .select({ a: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.targetId, s.id))
    ).map((r) => r.a);
    expect(actions).toEqual(
      expect.arrayContaining(["totp.enrolled", "totp.replaced", "totp.removed", "totp.reset"]),
    );
  });
});

describe("sessions", () => {
  it("end at the next request after sign-out, disabling or a 2FA change", async () => {
    const s = await staff(conn.db, ["moderator"]);
    const signedIn = await authenticate(
      conn.db,
      { email: s.email, password: s.password },
      "epoch-a",
    );
    if (!signedIn.ok) throw new Error("sign-in failed");
    const epoch = signedIn.actor.sessionEpoch;
    expect(await loadSessionActor(conn.db, s.id, epoch)).toMatchObject({ id: s.id });
    // A token issued before epochs existed, or forged without one, is nobody.
    expect(await loadSessionActor(conn.db, s.id, undefined)).toBeNull();

    await endSessions(conn.db, s.id);
    expect(await loadSessionActor(conn.db, s.id, epoch)).toBeNull();
    expect(await loadSessionActor(conn.db, s.id, epoch + 1)).toMatchObject({ id: s.id });

    await setStaffDisabled(conn.db, s.email, true);
    await setStaffDisabled(conn.db, s.email, false);
    expect(await loadSessionActor(conn.db, s.id, epoch + 1)).toBeNull();

    const secret = newTotpSecret();
    const current = (await loadActor(conn.db, s.id))!.sessionEpoch;
    expect(await enableTotp(conn.db, s, secret, totpCode(secret))).toBe("ok");
    expect(await loadSessionActor(conn.db, s.id, current)).toBeNull();
  });
});

describe("sign-in attempts", () => {
  it("are forgotten a day after, while the audit trail keeps the sign-ins", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - ATTEMPTS_KEPT_MS - 60_000);
    const row = (at: Date, clientHash: string) => ({
      emailHash: "purge-test",
      clientHash,
      succeeded: false,
      at,
    });
    await conn.db
      .insert(signInAttempts)
      .values([row(old, "old"), row(new Date(now.getTime() - 60_000), "recent")]);
    await purgeSignInAttempts(conn.db, now);
    const left = await conn.db
      .select({ clientHash: signInAttempts.clientHash })
      .from(signInAttempts)
      .where(eq(signInAttempts.emailHash, "purge-test"));
    expect(left).toEqual([{ clientHash: "recent" }]);
  });
});
