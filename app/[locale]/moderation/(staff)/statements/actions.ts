"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { actionActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { ExpectedError } from "@/lib/errors";
import { refusalKey } from "@/lib/http/action-error";
import { DEFAULT_LOCALE, isLocale, LOCALES } from "@/lib/i18n/config";
import { revalidateStatementPages } from "@/lib/statements/cache";
import { getStatementSlug } from "@/lib/statements/public";
import {
  createStatementDraft,
  publishStatement,
  returnStatement,
  submitStatement,
  updateStatement,
  withdrawStatement,
} from "@/lib/statements/lifecycle";
import { STATEMENT_TYPES } from "@/lib/statements/schema";
import { detectPlatform } from "@/lib/text/canonical-url";
import { toFieldErrors } from "@/lib/validation";

const localeOf = (fd: FormData) =>
  isLocale(fd.get("locale")) ? (fd.get("locale") as string) : DEFAULT_LOCALE;
const str = (fd: FormData, k: string) =>
  typeof fd.get(k) === "string" ? (fd.get(k) as string).slice(0, 20_000) : "";
const FIELDS = ["title", "summary", "body", "claimReviewed", "verdict"] as const;

export async function createDraftAction(fd: FormData) {
  const locale = localeOf(fd);
  const caseId = String(fd.get("caseId") ?? "");
  let target = `/${locale}/moderation/cases/${caseId}?error=error`;
  try {
    const id = await createStatementDraft(await getDb(), await actionActor(), {
      caseId,
      type: z.enum(STATEMENT_TYPES).parse(fd.get("type")),
    });
    target = `/${locale}/moderation/statements/${id}`;
  } catch (error) {
    target = `/${locale}/moderation/cases/${caseId}?error=${error instanceof ExpectedError && error.detail?.reason === "statement_exists" ? "statement_exists" : refusalKey(error)}`;
  }
  redirect(target);
}

export type SaveState =
  { ok: true } | { ok: false; code: string; fieldErrors?: Record<string, string> } | null;

/**
 * Saves the working copy and, when the editor's "submit for review" was pressed, submits it in
 * the same request: what was typed is never lost to a submission of the last saved copy. A
 * refusal comes back beside the fields, which keep what was typed.
 */
export async function saveStatementAction(_prev: SaveState, fd: FormData): Promise<SaveState> {
  const content = Object.fromEntries(
    LOCALES.map((l) => [l, Object.fromEntries(FIELDS.map((f) => [f, str(fd, `${l}.${f}`)]))]),
  );
  const appearances = str(fd, "appearances")
    .split(/\s+/)
    .filter(Boolean)
    .map((url) => ({ url, platform: detectPlatform(url) ?? "other" }));
  const id = str(fd, "id");
  try {
    const db = await getDb();
    const actor = await actionActor();
    await updateStatement(db, actor, { id, content, appearances });
    if (str(fd, "intent") !== "submit") return { ok: true };
    await submitStatement(db, actor, { id, changeNote: str(fd, "changeNote") });
  } catch (error) {
    if (error instanceof z.ZodError)
      return { ok: false, code: "invalid", fieldErrors: toFieldErrors(error.issues) };
    return {
      ok: false,
      code:
        error instanceof ExpectedError && error.detail?.reason
          ? error.detail.reason
          : refusalKey(error),
    };
  }
  redirect(`/${localeOf(fd)}/moderation/statements/${id}?done=submitted`);
}

/** Runs one step and comes back to the statement saying what happened (`done=published`). */
async function step(
  fd: FormData,
  done: "submitted" | "published" | "returned" | "withdrawn",
  work: (db: Awaited<ReturnType<typeof getDb>>, id: string) => Promise<string | null | void>,
) {
  const locale = localeOf(fd);
  const id = str(fd, "id");
  let outcome = `done=${done}`;
  try {
    const slug = await work(await getDb(), id);
    if (slug !== undefined) revalidateStatementPages(slug);
  } catch (error) {
    outcome = `error=${error instanceof ExpectedError && error.detail?.reason ? error.detail.reason : refusalKey(error)}`;
  }
  redirect(`/${locale}/moderation/statements/${id}?${outcome}`);
}

export async function submitAction(fd: FormData) {
  await step(fd, "submitted", async (db, id) =>
    submitStatement(db, await actionActor(), { id, changeNote: str(fd, "changeNote") }),
  );
}
export async function publishAction(fd: FormData) {
  await step(
    fd,
    "published",
    async (db, id) => (await publishStatement(db, await actionActor(), { id })).slug,
  );
}
export async function returnAction(fd: FormData) {
  await step(fd, "returned", async (db, id) =>
    returnStatement(db, await actionActor(), { id, note: str(fd, "note") }),
  );
}
export async function withdrawAction(fd: FormData) {
  await step(fd, "withdrawn", async (db, id) => {
    await withdrawStatement(db, await actionActor(), { id, reason: str(fd, "reason") });
    return getStatementSlug(db, id);
  });
}
