import { randomBytes, timingSafeEqual } from "node:crypto";
import { keyedHash } from "@/lib/security/crypto";
import { getSecrets } from "@/lib/security/secrets";

// OWASP's device cookies: a browser that signed in to an account holds a signed token bound to
// that account. Failures from it throttle it alone, so a stranger's burst against the account
// (untrusted clients) cannot lock the owner out of their own device.

export const DEVICE_COOKIE = "iblagh_device";
export const DEVICE_COOKIE_DAYS = 90;

const mac = (emailHash: string, id: string) =>
  keyedHash(`${emailHash}.${id}`, getSecrets().encryptionKey, "device");

/** A new device token for the account (its email's keyed hash). */
export function issueDeviceToken(emailHash: string): string {
  const id = randomBytes(12).toString("base64url");
  return `${id}.${mac(emailHash, id)}`;
}

/** The device id when the token was issued for this account, else null. */
export function trustedDevice(token: string | null | undefined, emailHash: string): string | null {
  const [id, sig, ...rest] = (token ?? "").split(".");
  if (!id || !sig || rest.length || !/^[\w-]{16}$/.test(id)) return null;
  const want = Buffer.from(mac(emailHash, id));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got) ? id : null;
}

/** The device cookie's value from a Cookie header. */
export function deviceCookieOf(cookieHeader: string | null): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === DEVICE_COOKIE) return value.join("=");
  }
  return null;
}
