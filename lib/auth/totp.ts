import { Secret, TOTP } from "otpauth";

const ISSUER = "Iblagh";

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, email: string): string {
  return new TOTP({ issuer: ISSUER, label: email, secret: Secret.fromBase32(secretBase32), algorithm: "SHA1", digits: 6, period: 30 }).toString();
}

/** Accepts the current code and its neighbours (one step of clock drift either way). */
export function checkTotp(secretBase32: string, code: string, timestamp = Date.now()): boolean {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32), algorithm: "SHA1", digits: 6, period: 30 });
  return totp.validate({ token, timestamp, window: 1 }) !== null;
}

export function totpCode(secretBase32: string, timestamp = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), algorithm: "SHA1", digits: 6, period: 30 }).generate({ timestamp });
}
