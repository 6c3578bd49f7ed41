import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/lib/cases/workflow";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Actor } from "./actor";
import { auth } from "./config";
import { loadSessionActor } from "./staff";

export type SessionActor = Actor & { totpEnabled: boolean; unblurRumorImages: boolean };

/** The staff member behind this request, reloaded from the database (disabled or ended → null). */
export async function currentActor(): Promise<SessionActor | null> {
  const session = await auth();
  if (!session?.user?.id) return null;
  return loadSessionActor(await getDb(), session.user.id, session.user.epoch);
}

/**
 * For staff pages: anonymous → sign-in, wrong role → 403, and with STAFF_REQUIRE_2FA a
 * member without a second factor is sent to enrol before anything else.
 */
export async function requireStaffPage(
  locale: string,
  roles: Role[] | "any",
  path: string,
): Promise<SessionActor> {
  const actor = await currentActor();
  if (!actor) redirect(`/${locale}/moderation/sign-in?next=${encodeURIComponent(path)}`);
  if (env.STAFF_REQUIRE_2FA && !actor.totpEnabled && !path.endsWith("/moderation/profile"))
    redirect(`/${locale}/moderation/profile`);
  if (roles !== "any" && !actor.roles.some((r) => roles.includes(r))) forbidden();
  return actor;
}

/** For server actions: the actor or null; the service decides what null may do (nothing). */
export async function actionActor(): Promise<SessionActor | null> {
  const actor = await currentActor();
  if (actor && env.STAFF_REQUIRE_2FA && !actor.totpEnabled) return null;
  return actor;
}
