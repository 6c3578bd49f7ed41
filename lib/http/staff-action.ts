import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { actionActor } from "@/lib/auth/session";
import type { Role } from "@/lib/cases/workflow";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/connect";
import { ExpectedError } from "@/lib/errors";
import { localeOf, type Locale } from "@/lib/i18n/config";
import { toFieldErrors } from "@/lib/validation";
import { refusalKey } from "./action-error";
import type { Refusal } from "./action-state";

/**
 * The one way a staff server action runs (formbricks' action client is the model): read the
 * locale and the form through the action's zod schema, load the actor, check the role, run the
 * service, and turn what went wrong into a refusal key the page shows in its language. Services
 * check the role again and write their own audit events, inside their transactions.
 */
export interface StaffContext<I> {
  db: Db;
  actor: Actor;
  input: I;
  locale: Locale;
}

interface Definition<S extends z.ZodType, R> {
  /** Parses the fields the form posted (`fields` reads them; one value per name by default). */
  schema: S;
  /** Who may: at least one of these roles. Services check again. */
  roles: readonly Role[];
  fields?: (fd: FormData) => Record<string, unknown>;
  run: (ctx: StaffContext<z.output<S>>) => Promise<R>;
}

const singleValues = (fd: FormData) =>
  Object.fromEntries([...fd.keys()].map((k) => [k, fd.get(k)]));

/** Why a staff action was refused, as a message key: zod → invalid, expected → its reason or code. */
export function refusalOf(error: unknown): Refusal {
  if (error instanceof z.ZodError)
    return { code: "invalid", fieldErrors: toFieldErrors(error.issues) };
  return { code: refusalKey(error) };
}

async function execute<S extends z.ZodType, R>(def: Definition<S, R>, fd: FormData) {
  const locale = localeOf(fd);
  const input = def.schema.parse((def.fields ?? singleValues)(fd));
  const actor = await actionActor();
  if (!actor) throw new ExpectedError("unauthorized");
  if (!actor.roles.some((r) => def.roles.includes(r))) throw new ExpectedError("forbidden");
  return { locale, value: await def.run({ db: await getDb(), actor, input, locale }) };
}

/**
 * A form post that comes back to a page: `back` gives the address for the outcome, `done` with
 * the service's result, or a refusal key. Never throws but Next's redirect.
 */
export function staffFormAction<S extends z.ZodType, R>(
  def: Definition<S, R> & {
    back: (
      outcome: { ok: true; value: R } | { ok: false; code: string },
      fd: FormData,
      locale: Locale,
    ) => string;
  },
) {
  return async (fd: FormData): Promise<never> => {
    let target: string;
    try {
      const { locale, value } = await execute(def, fd);
      target = def.back({ ok: true, value }, fd, locale);
    } catch (error) {
      target = def.back({ ok: false, code: refusalOf(error).code }, fd, localeOf(fd));
    }
    redirect(target);
  };
}

/**
 * An action used with `useActionState`: its state says ok with a value, or the refusal.
 * `then` may redirect after a success (outside the refusal mapping, where Next's redirect
 * would be caught).
 */
export function staffStateAction<S extends z.ZodType, R>(
  def: Definition<S, R> & { then?: (value: R, fd: FormData, locale: Locale) => void },
) {
  return async (
    _prev: unknown,
    fd: FormData,
  ): Promise<{ ok: true; value: R } | ({ ok: false } & Refusal)> => {
    let done: { locale: Locale; value: R };
    try {
      done = await execute(def, fd);
    } catch (error) {
      return { ok: false, ...refusalOf(error) };
    }
    def.then?.(done.value, fd, done.locale);
    return { ok: true, value: done.value };
  };
}
