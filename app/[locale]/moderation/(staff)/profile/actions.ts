"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signOut } from "@/lib/auth/config";
import { currentActor } from "@/lib/auth/session";
import { setUnblurRumorImages } from "@/lib/auth/preferences";
import { enableTotp, removeTotp } from "@/lib/auth/staff";
import { ROLES } from "@/lib/cases/workflow";
import { staffFormAction } from "@/lib/http/staff-action";
import { getDb } from "@/lib/db/client";
import { localeOf } from "@/lib/i18n/config";

// A changed second factor ends every session of the account, this one included: the member
// signs in again with it, which also proves the new factor works.
async function signInAgain(locale: string, notice: "totp_on" | "totp_off"): Promise<never> {
  await signOut({ redirect: false });
  redirect(`/${locale}/moderation/sign-in?notice=${notice}`);
}

export async function enableTotpAction(fd: FormData) {
  const locale = localeOf(fd);
  // Enrolment is the one thing a member without a second factor may do under STAFF_REQUIRE_2FA.
  const actor = await currentActor();
  if (!actor) redirect(`/${locale}/moderation/sign-in`);
  const secret = String(fd.get("secret") ?? "");
  const code = String(fd.get("code") ?? "");
  const current = fd.get("current") ? String(fd.get("current")) : null;
  const result = /^[A-Z2-7]{16,64}$/.test(secret)
    ? await enableTotp(await getDb(), actor, secret, code, current)
    : "invalid_code";
  if (result === "ok") await signInAgain(locale, "totp_on");
  redirect(
    `/${locale}/moderation/profile?totp=${result === "current_code_invalid" ? "current_invalid" : "invalid"}`,
  );
}

export async function removeTotpAction(fd: FormData) {
  const locale = localeOf(fd);
  const actor = await currentActor();
  if (!actor) redirect(`/${locale}/moderation/sign-in`);
  const result = await removeTotp(await getDb(), actor, String(fd.get("current") ?? ""));
  if (result === "ok") await signInAgain(locale, "totp_off");
  redirect(`/${locale}/moderation/profile?totp=current_invalid`);
}

/** The member's own picture setting: a checkbox, so absent means off. */
export const imagePreferencesAction = staffFormAction({
  schema: z.object({ unblurRumorImages: z.literal("on").optional() }),
  roles: ROLES,
  run: ({ db, actor, input }) => setUnblurRumorImages(db, actor, input.unblurRumorImages === "on"),
  back: (outcome, _fd, locale) =>
    `/${locale}/moderation/profile?images=${outcome.ok ? "saved" : outcome.code}`,
});
