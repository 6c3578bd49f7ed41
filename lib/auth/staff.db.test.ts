import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, signInAttempts } from "@/lib/db/schema";
import { withTestDb } from "@/lib/testing/db";
import { staff } from "@/lib/testing/fixtures";
import { ATTEMPTS_KEPT_MS, authenticate, enableTotp, loadActor, purgeSignInAttempts, setStaffDisabled, THROTTLE_FAILURES } from "./staff";
import { newTotpSecret, totpCode } from "./totp";

const conn = withTestDb();

describe("authenticate", () => {
  it("signs in with the right password, whatever the email's case, and audits it", async () => {
    const s = await staff(conn.db, ["moderator"]);
    const res = await authenticate(conn.db, { email: s.email.toUpperCase(), password: s.password }, "client-a");
    expect(res).toMatchObject({ ok: true, actor: { id: s.id, roles: ["moderator"] } });
    const audited = await conn.db.select().from(auditEvents).where(and(eq(auditEvents.action, "sign_in.success"), eq(auditEvents.actorId, s.id)));
    expect(audited).toHaveLength(1);
  });

  it("refuses a wrong password, an unknown email and a disabled account alike", async () => {
    const s = await staff(conn.db, ["moderator"]);
    expect(await authenticate(conn.db, { email: s.email, password: "wrong" }, "client-b")).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(conn.db, { email: "nobody@test.iblagh.local", password: "x" }, "client-b")).toEqual({ ok: false, reason: "invalid" });
    await setStaffDisabled(conn.db, s.email, true);
    expect(await authenticate(conn.db, { email: s.email, password: s.password }, "client-b2")).toEqual({ ok: false, reason: "invalid" });
    expect(await loadActor(conn.db, s.id)).toBeNull();
  });

  it("throttles an account after 5 failures, even with the right password, from any client", async () => {
    const s = await staff(conn.db, ["moderator"]);
    for (let i = 0; i < THROTTLE_FAILURES; i++) await authenticate(conn.db, { email: s.email, password: "guess" }, `client-c${i}`);
    const res = await authenticate(conn.db, { email: s.email, password: s.password }, "client-fresh");
    expect(res).toMatchObject({ ok: false, reason: "throttled" });
    expect((res as { retryAfter: number }).retryAfter).toBeGreaterThan(800);
    // After the window the account can sign in again.
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await authenticate(conn.db, { email: s.email, password: s.password }, "client-fresh", later)).toMatchObject({ ok: true });
  });

  it("checks at most 5 passwords of a burst sent at once, for one account or from one client", async () => {
    const s = await staff(conn.db, ["moderator"]);
    const account = await Promise.all(Array.from({ length: 20 }, (_, i) => authenticate(conn.db, { email: s.email, password: `guess${i}` }, `burst-a${i}`)));
    expect(account.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(THROTTLE_FAILURES);
    expect(account.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(20 - THROTTLE_FAILURES);
    const client = await Promise.all(Array.from({ length: 20 }, (_, i) => authenticate(conn.db, { email: `burst${i}@test.iblagh.local`, password: "x" }, "burst-client")));
    expect(client.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(THROTTLE_FAILURES);
    const recorded = await conn.db.select().from(signInAttempts).where(eq(signInAttempts.clientHash, "burst-client"));
    expect(recorded).toHaveLength(THROTTLE_FAILURES);
  });

  it("throttles a client that guesses across accounts", async () => {
    for (let i = 0; i < THROTTLE_FAILURES; i++) await authenticate(conn.db, { email: `guess${i}@test.iblagh.local`, password: "x" }, "client-d");
    const s = await staff(conn.db, ["moderator"]);
    expect(await authenticate(conn.db, { email: s.email, password: s.password }, "client-d")).toMatchObject({ ok: false, reason: "throttled" });
    expect(await authenticate(conn.db, { email: s.email, password: s.password }, "client-e")).toMatchObject({ ok: true });
  });

  it("asks for the TOTP code once enrolled, and checks it", async () => {
    const s = await staff(conn.db, ["publisher"]);
    const secret = newTotpSecret();
    expect(await enableTotp(conn.db, s, secret, "000000")).toBe(false);
    expect(await enableTotp(conn.db, s, secret, totpCode(secret))).toBe(true);
    expect(await authenticate(conn.db, { email: s.email, password: s.password }, "client-f")).toEqual({ ok: false, reason: "totp_required" });
    expect(await authenticate(conn.db, { email: s.email, password: s.password, code: "123456" }, "client-f")).toEqual({ ok: false, reason: "totp_invalid" });
    expect(await authenticate(conn.db, { email: s.email, password: s.password, code: totpCode(secret) }, "client-f")).toMatchObject({ ok: true, actor: { totpEnabled: true } });
  });
});

describe("sign-in attempts", () => {
  it("are forgotten a day after, while the audit trail keeps the sign-ins", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - ATTEMPTS_KEPT_MS - 60_000);
    const row = (at: Date, clientHash: string) => ({ emailHash: "purge-test", clientHash, succeeded: false, at });
    await conn.db.insert(signInAttempts).values([row(old, "old"), row(new Date(now.getTime() - 60_000), "recent")]);
    await purgeSignInAttempts(conn.db, now);
    const left = await conn.db.select({ clientHash: signInAttempts.clientHash }).from(signInAttempts).where(eq(signInAttempts.emailHash, "purge-test"));
    expect(left).toEqual([{ clientHash: "recent" }]);
  });
});
