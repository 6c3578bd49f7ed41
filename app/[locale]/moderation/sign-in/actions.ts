"use server";

import type { SignInState } from "@/lib/http/action-state";
import { AuthError, CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { signIn } from "@/lib/auth/config";
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, issueDeviceToken } from "@/lib/auth/device";
import { staffEmailHash } from "@/lib/auth/staff";
import { env } from "@/lib/env";
import { localeOf } from "@/lib/i18n/config";

/** Only paths inside the staff area of this site: never an open redirect. */
function safeNext(next: unknown, locale: string): string {
  return typeof next === "string" &&
    /^\/(ar|fr|en)\/moderation(\/[\w\-/]*)?(\?[\w=&%\-.]*)?$/.test(next)
    ? next
    : `/${locale}/moderation/start`;
}

export async function signInAction(_prev: SignInState, fd: FormData): Promise<SignInState> {
  const locale = localeOf(fd);
  const email = String(fd.get("email") ?? "").slice(0, 254);
  try {
    await signIn("credentials", {
      email,
      password: String(fd.get("password") ?? "").slice(0, 1024),
      code: String(fd.get("code") ?? "").slice(0, 16),
      redirectTo: safeNext(fd.get("next"), locale),
    });
    return null;
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const [reason, seconds] = String(error.code ?? "").split(":");
      const code =
        (["invalid", "throttled", "totp_required", "totp_invalid"] as const).find(
          (c) => c === reason,
        ) ?? "invalid";
      return {
        ok: false,
        code,
        minutes: seconds ? Math.ceil(Number(seconds) / 60) : undefined,
        email,
      };
    }
    if (error instanceof AuthError) return { ok: false, code: "failed", email };
    // Success is a redirect, thrown for Next to handle. This browser is now a trusted device of
    // the account: a stranger's failures will not lock it out (lib/auth/device.ts).
    if (isRedirectError(error)) {
      (await cookies()).set(DEVICE_COOKIE, issueDeviceToken(staffEmailHash(email)), {
        httpOnly: true,
        sameSite: "lax",
        secure: env.NODE_ENV === "production",
        path: "/",
        maxAge: DEVICE_COOKIE_DAYS * 86_400,
      });
    }
    throw error;
  }
}
