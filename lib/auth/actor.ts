import { ExpectedError } from "@/lib/errors";
import { CASE_ROLES, type Role } from "@/lib/cases/workflow";

/** The signed-in staff member a service acts for, as loaded fresh from the database. */
export interface Actor {
  id: string;
  email: string;
  roles: Role[];
}

export const hasRole = (actor: Actor | null | undefined, ...roles: Role[]) =>
  Boolean(actor && actor.roles.some((r) => roles.includes(r)));

export function requireActor(actor: Actor | null | undefined): Actor {
  if (!actor) throw new ExpectedError("unauthorized");
  return actor;
}

/** Case work: moderators and publishers. */
export function requireCaseRole(actor: Actor | null | undefined): Actor {
  const a = requireActor(actor);
  if (!a.roles.some((r) => CASE_ROLES.includes(r))) throw new ExpectedError("forbidden");
  return a;
}

export function requireAdmin(actor: Actor | null | undefined): Actor {
  const a = requireActor(actor);
  if (!a.roles.includes("admin")) throw new ExpectedError("forbidden");
  return a;
}
