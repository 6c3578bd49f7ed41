import "server-only";
import { and, count, eq, gt, isNull, lt, min, or, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/log";
import { ROLES, type Role } from "@/lib/cases/workflow";
import type { Db, Tx } from "@/lib/db/connect";
import { signInAttempts, staffUsers } from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";
import { atMostEvery } from "@/lib/housekeeping";
import { decrypt, encrypt, keyedHash } from "@/lib/security/crypto";
import { getSecrets } from "@/lib/security/secrets";
import { isUuid } from "@/lib/validation";
import type { Actor } from "./actor";
import { burnPasswordTime, generatePassword, hashPassword, verifyPassword } from "./password";
import { trustedDevice } from "./device";
import { totpStep } from "./totp";

export const THROTTLE_FAILURES = 5;
export const THROTTLE_WINDOW_MS = 15 * 60_000;

/** Attempts only serve the throttle (the audit trail keeps every sign-in): kept a day, then gone. */
export const ATTEMPTS_KEPT_MS = 24 * 3600_000;

export async function purgeSignInAttempts(db: Db, now = new Date()): Promise<void> {
  await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.at, new Date(now.getTime() - ATTEMPTS_KEPT_MS)));
}
let purge: (() => boolean) | undefined;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
/** The account's key in the throttle and device tokens: no email is stored there. */
export const staffEmailHash = (email: string) =>
  keyedHash(normalizeEmail(email).slice(0, 254), getSecrets().encryptionKey, "staff-email");
const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

export async function createStaff(
  db: Db,
  input: { email: string; roles: Role[]; name?: string; password?: string },
  actor?: Actor | null,
) {
  const email = normalizeEmail(input.email);
  const roles = [...new Set(input.roles)].filter(isRole);
  if (!email.includes("@") || roles.length === 0) throw new ExpectedError("validation_failed");
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staffUsers)
      .values({ email, roles, name: input.name ?? "", passwordHash })
      .onConflictDoNothing()
      .returning({ id: staffUsers.id });
    if (!row) throw new ExpectedError("conflict", { reason: "email_taken" });
    await recordAudit(tx, {
      actorId: actor?.id,
      actorEmail: actor?.email ?? "cli",
      action: "staff.create",
      targetType: "staff",
      targetId: row.id,
      details: { email, roles },
    });
    return { id: row.id, email, password };
  });
}

export async function setStaffDisabled(
  db: Db,
  emailIn: string,
  disabled: boolean,
  actor?: Actor | null,
) {
  const email = normalizeEmail(emailIn);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(staffUsers)
      .set({
        disabledAt: disabled ? new Date() : null,
        sessionEpoch: sql`${staffUsers.sessionEpoch} + 1`,
      })
      .where(eq(staffUsers.email, email))
      .returning({ id: staffUsers.id });
    if (!row) throw new ExpectedError("not_found");
    await recordAudit(tx, {
      actorId: actor?.id,
      actorEmail: actor?.email ?? "cli",
      action: disabled ? "staff.disable" : "staff.enable",
      targetType: "staff",
      targetId: row.id,
      details: { email },
    });
  });
}

/** A staff member as a session sees them: who, their second factor, their own settings. */
export type StaffAccount = Actor & {
  totpEnabled: boolean;
  sessionEpoch: number;
  unblurRumorImages: boolean;
};

/** A staff member by id, fresh from the database: a disabled account is nobody. */
export async function loadActor(
  db: Db,
  id: string | undefined | null,
): Promise<StaffAccount | null> {
  if (!id || !isUuid(id)) return null;
  const [row] = await db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      roles: staffUsers.roles,
      disabledAt: staffUsers.disabledAt,
      totpEnabledAt: staffUsers.totpEnabledAt,
      sessionEpoch: staffUsers.sessionEpoch,
      unblurRumorImages: staffUsers.unblurRumorImages,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, id));
  if (!row || row.disabledAt) return null;
  return {
    id: row.id,
    email: row.email,
    roles: row.roles.filter(isRole),
    totpEnabled: Boolean(row.totpEnabledAt),
    sessionEpoch: row.sessionEpoch,
    unblurRumorImages: row.unblurRumorImages,
  };
}

/**
 * The staff member behind a session: nobody when the account is disabled or when the session
 * was issued under an earlier epoch (signed out, disabled, 2FA changed since).
 */
export async function loadSessionActor(db: Db, id: string | undefined | null, epoch: unknown) {
  const actor = await loadActor(db, id);
  return actor && actor.sessionEpoch === epoch ? actor : null;
}

/** Ends every session of the account at its next request. */
export async function endSessions(db: Db | Tx, id: string): Promise<void> {
  await db
    .update(staffUsers)
    .set({ sessionEpoch: sql`${staffUsers.sessionEpoch} + 1` })
    .where(eq(staffUsers.id, id));
}

export type SignInFailure = "invalid" | "throttled" | "totp_required" | "totp_invalid";
export type SignInResult =
  | { ok: true; actor: Actor & { totpEnabled: boolean; sessionEpoch: number } }
  | { ok: false; reason: SignInFailure; retryAfter?: number };

/**
 * Checks a sign-in: throttled after 5 failures within 15 minutes. A browser holding this
 * account's device token (lib/auth/device.ts) counts only its own failures; any other client
 * counts the account's failures from untrusted clients and its own. Every success and failure
 * is audited; throttled attempts are counted, and audited once per episode.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string; code?: string | null; deviceToken?: string | null },
  client: string,
  now = new Date(),
): Promise<SignInResult> {
  (purge ??= atMostEvery(60_000, () => purgeSignInAttempts(db)))();
  const key = getSecrets().encryptionKey;
  const email = normalizeEmail(String(input.email ?? "")).slice(0, 254);
  const emailHash = staffEmailHash(email);
  const device = trustedDevice(input.deviceToken, emailHash);
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const a = signInAttempts;
  const scope = device
    ? and(eq(a.emailHash, emailHash), eq(a.device, device))
    : or(and(eq(a.emailHash, emailHash), isNull(a.device)), eq(a.clientHash, client));

  // Count and claim in one transaction under a lock per account and per client: of a burst sent
  // at once, at most THROTTLE_FAILURES attempts get past this point. The claim is recorded as a
  // failure before the password is checked, and turned into a success afterwards.
  const claim = await db.transaction(async (tx) => {
    const locks = device ? [`${emailHash}.${device}`] : [emailHash, client].sort();
    for (const k of locks)
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${k}, 15))`);
    const [recent] = await tx
      .select({ failures: count(), oldest: min(a.at) })
      .from(a)
      .where(and(eq(a.succeeded, false), eq(a.throttled, false), gt(a.at, since), scope));
    if (recent.failures >= THROTTLE_FAILURES) {
      const retryAfter = Math.max(
        1,
        Math.ceil(
          ((recent.oldest?.getTime() ?? now.getTime()) + THROTTLE_WINDOW_MS - now.getTime()) / 1000,
        ),
      );
      const [episode] = await tx
        .select({ n: count() })
        .from(a)
        .where(and(eq(a.throttled, true), gt(a.at, since), scope));
      if (episode.n === 0)
        await recordAudit(tx, {
          actorEmail: email,
          action: "sign_in.throttled",
          details: { client, trustedDevice: Boolean(device) },
        });
      await tx.insert(a).values({
        emailHash,
        clientHash: client,
        device,
        succeeded: false,
        throttled: true,
        at: now,
      });
      return { throttled: true as const, retryAfter };
    }
    const [row] = await tx
      .insert(a)
      .values({ emailHash, clientHash: client, device, succeeded: false, at: now })
      .returning({ id: a.id });
    return { throttled: false as const, id: row.id };
  });
  if (claim.throttled) return { ok: false, reason: "throttled", retryAfter: claim.retryAfter };

  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  let failure: SignInFailure | null = null;
  if (!user) {
    await burnPasswordTime(String(input.password ?? ""));
    failure = "invalid";
  } else if (
    !(await verifyPassword(user.passwordHash, String(input.password ?? ""))) ||
    user.disabledAt
  ) {
    failure = "invalid";
  } else if (user.totpEnabledAt && user.totpSecretEnc) {
    if (!input.code) failure = "totp_required";
    else if (!(await acceptTotp(db, user.id, decrypt(user.totpSecretEnc, key), input.code, now)))
      failure = "totp_invalid";
  }

  // A missing code is a step of the sign-in, not a failed guess.
  const counts = failure !== "totp_required";
  await db.transaction(async (tx) => {
    if (!counts) await tx.delete(signInAttempts).where(eq(signInAttempts.id, claim.id));
    else if (failure === null)
      await tx
        .update(signInAttempts)
        .set({ succeeded: true })
        .where(eq(signInAttempts.id, claim.id));
    if (counts) {
      await recordAudit(tx, {
        actorId: user?.id ?? null,
        actorEmail: email,
        action: failure ? "sign_in.failure" : "sign_in.success",
        targetType: "staff",
        targetId: user?.id ?? null,
        details: failure ? { reason: failure, client } : { client },
      });
    }
  });
  if (failure || !user) return { ok: false, reason: failure ?? "invalid" };
  return {
    ok: true,
    actor: {
      id: user.id,
      email: user.email,
      roles: user.roles.filter(isRole),
      totpEnabled: Boolean(user.totpEnabledAt),
      sessionEpoch: user.sessionEpoch,
    },
  };
}

/**
 * Accepts a code of the account's secret once: its step must be newer than the last accepted,
 * and recording it is one conditional update, so two requests replaying a code cannot both pass.
 */
async function acceptTotp(
  db: Db | Tx,
  id: string,
  secretBase32: string,
  code: string,
  now = new Date(),
): Promise<boolean> {
  const step = totpStep(secretBase32, code, now.getTime());
  if (step === null) return false;
  const [row] = await db
    .update(staffUsers)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(staffUsers.id, id),
        or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step)),
      ),
    )
    .returning({ id: staffUsers.id });
  return Boolean(row);
}

/**
 * The current second factor must be proven before it is replaced or removed: "none" when the
 * account has none, "proven" with a good current code, "refused" otherwise. Locks the row.
 */
async function proveCurrentTotp(
  tx: Tx,
  id: string,
  currentCode: string | null | undefined,
): Promise<"none" | "proven" | "refused"> {
  const [row] = await tx
    .select({ enc: staffUsers.totpSecretEnc, on: staffUsers.totpEnabledAt })
    .from(staffUsers)
    .where(eq(staffUsers.id, id))
    .for("update");
  if (!row?.on || !row.enc) return "none";
  return currentCode &&
    (await acceptTotp(tx, id, decrypt(row.enc, getSecrets().encryptionKey), currentCode))
    ? "proven"
    : "refused";
}

export type TotpChange = "ok" | "invalid_code" | "current_code_invalid";

/**
 * Stores a confirmed TOTP secret: the code proves the authenticator app has it. Replacing an
 * active secret needs a current code too (a stolen session cannot swap the second factor), and
 * every session of the account ends: the member signs in again with the new factor.
 */
export async function enableTotp(
  db: Db,
  actor: Actor,
  secretBase32: string,
  code: string,
  currentCode?: string | null,
  now = new Date(),
): Promise<TotpChange> {
  const step = totpStep(secretBase32, code, now.getTime());
  if (step === null) return "invalid_code";
  return db.transaction(async (tx) => {
    const proof = await proveCurrentTotp(tx, actor.id, currentCode);
    if (proof === "refused") return "current_code_invalid";
    await tx
      .update(staffUsers)
      .set({
        totpSecretEnc: encrypt(secretBase32, getSecrets().encryptionKey),
        totpEnabledAt: now,
        totpLastStep: step,
        sessionEpoch: sql`${staffUsers.sessionEpoch} + 1`,
      })
      .where(eq(staffUsers.id, actor.id));
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: proof === "proven" ? "totp.replaced" : "totp.enrolled",
      targetType: "staff",
      targetId: actor.id,
    });
    return "ok";
  });
}

/** Turns the second factor off with a current code; every session of the account ends. */
export async function removeTotp(db: Db, actor: Actor, currentCode: string): Promise<TotpChange> {
  return db.transaction(async (tx) => {
    if ((await proveCurrentTotp(tx, actor.id, currentCode)) !== "proven")
      return "current_code_invalid";
    await clearTotp(tx, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "totp.removed",
      targetType: "staff",
      targetId: actor.id,
    });
    return "ok";
  });
}

/** An administrator's reset for a member who lost their authenticator (command line, audited). */
export async function resetTotp(db: Db, emailIn: string, actor?: Actor | null): Promise<void> {
  const email = normalizeEmail(emailIn);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(eq(staffUsers.email, email));
    if (!row) throw new ExpectedError("not_found");
    await clearTotp(tx, row.id);
    await recordAudit(tx, {
      actorId: actor?.id,
      actorEmail: actor?.email ?? "cli",
      action: "totp.reset",
      targetType: "staff",
      targetId: row.id,
      details: { email },
    });
  });
}

const clearTotp = (tx: Tx, id: string) =>
  tx
    .update(staffUsers)
    .set({
      totpSecretEnc: null,
      totpEnabledAt: null,
      totpLastStep: null,
      sessionEpoch: sql`${staffUsers.sessionEpoch} + 1`,
    })
    .where(eq(staffUsers.id, id));
