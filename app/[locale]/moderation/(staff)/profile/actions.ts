"use server";

import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { enableTotp } from "@/lib/auth/staff";
import { getDb } from "@/lib/db/client";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";

export async function enableTotpAction(fd: FormData) {
  const locale = isLocale(fd.get("locale")) ? (fd.get("locale") as string) : DEFAULT_LOCALE;
  // Enrolment is the one thing a member without a second factor may do under STAFF_REQUIRE_2FA.
  const actor = await currentActor();
  if (!actor) redirect(`/${locale}/moderation/sign-in`);
  const secret = String(fd.get("secret") ?? "");
  const code = String(fd.get("code") ?? "");
  const ok = /^[A-Z2-7]{16,64}$/.test(secret) && (await enableTotp(await getDb(), actor, secret, code));
  redirect(`/${locale}/moderation/profile?${ok ? "totp=on" : "totp=invalid"}`);
}
