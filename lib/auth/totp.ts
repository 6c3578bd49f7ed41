import { Secret, TOTP } from "otpauth";

const ISSUER = "Iblagh";

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, email: string): string {
  return new TOTP({
    issuer: ISSUER,
    label: email,
    secret: Secret.fromBase32(secretBase32),
    algorithm: "SHA1",
    digits: 6,
    period: 30,
  }).toString();
}

const PERIOD_S = 30;

/**
 * The time step a code belongs to, accepting the current step and its neighbours (one step of
 * clock drift either way), or null. Callers refuse a step not newer than the last one accepted.
 */
export function totpStep(
  secretBase32: string,
  code: string,
  timestamp = Date.now(),
): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const totp = new TOTP({
    secret: Secret.fromBase32(secretBase32),
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_S,
  });
  const delta = totp.validate({ token, timestamp, window: 1 });
  return delta === null ? null : Math.floor(timestamp / 1000 / PERIOD_S) + delta;
}

export function totpCode(secretBase32: string, timestamp = Date.now()): string {
  return new TOTP({
    secret: Secret.fromBase32(secretBase32),
    algorithm: "SHA1",
    digits: 6,
    period: 30,
  }).generate({ timestamp });
}
