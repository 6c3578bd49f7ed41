"use server";

import { redirect } from "next/navigation";
import { recordAudit } from "@/lib/audit/log";
import { signOut } from "@/lib/auth/config";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { localeOf } from "@/lib/i18n/config";

export async function signOutAction(fd: FormData) {
  const locale = localeOf(fd);
  const actor = await currentActor();
  if (actor) {
    const db = await getDb();
    await db.transaction((tx) =>
      recordAudit(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: "sign_out",
        targetType: "staff",
        targetId: actor.id,
      }),
    );
  }
  // Auth.js's signOut event ends every session of the account (lib/auth/config.ts).
  await signOut({ redirect: false });
  redirect(`/${locale}/moderation/sign-in`);
}
