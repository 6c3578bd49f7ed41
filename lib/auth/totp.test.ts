import { describe, expect, it } from "vitest";
import { newTotpSecret, totpCode, totpStep, totpUri } from "./totp";

const checkTotp = (secret: string, code: string, t: number) => totpStep(secret, code, t) !== null;

describe("TOTP", () => {
  const secret = newTotpSecret();
  const t = Date.UTC(2026, 0, 1, 12, 0, 0);

  it("accepts the current code and one step of drift, nothing further", () => {
    expect(checkTotp(secret, totpCode(secret, t), t)).toBe(true);
    expect(checkTotp(secret, totpCode(secret, t - 30_000), t)).toBe(true);
    expect(checkTotp(secret, totpCode(secret, t + 30_000), t)).toBe(true);
    expect(checkTotp(secret, totpCode(secret, t - 120_000), t)).toBe(false);
  });

  it("refuses what is not six digits", () => {
    for (const code of ["", "12345", "1234567", "abcdef"])
      expect(checkTotp(secret, code, t)).toBe(false);
  });

  it("makes an otpauth URI for authenticator apps", () => {
    expect(totpUri(secret, "mod@example.ma")).toMatch(
      /^otpauth:\/\/totp\/Iblagh:mod%40example\.ma\?issuer=Iblagh&secret=[A-Z2-7]+/,
    );
  });
});

describe("totpStep", () => {
  it("names the step of the code, so that a replay of the same code is recognisable", () => {
    const secret = newTotpSecret();
    const t = 1_700_000_000_000;
    const step = Math.floor(t / 30_000);
    expect(totpStep(secret, totpCode(secret, t), t)).toBe(step);
    expect(totpStep(secret, totpCode(secret, t - 30_000), t)).toBe(step - 1);
    expect(totpStep(secret, totpCode(secret, t + 30_000), t)).toBe(step + 1);
    expect(totpStep(secret, "12345", t)).toBeNull();
  });
});
