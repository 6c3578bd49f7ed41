"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { CASE_ROLES } from "@/lib/cases/workflow";
import { staffFormAction, staffStateAction } from "@/lib/http/staff-action";
import { LOCALES } from "@/lib/i18n/config";
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

const text = z.string().max(20_000).optional().default("");
const id = z.uuid();
const FIELDS = ["title", "summary", "body", "claimReviewed", "verdict"] as const;

export const createDraftAction = staffFormAction({
  schema: z.object({ caseId: id, type: z.enum(STATEMENT_TYPES) }),
  roles: CASE_ROLES,
  run: ({ db, actor, input }) => createStatementDraft(db, actor, input),
  back: (outcome, fd, locale) =>
    outcome.ok
      ? `/${locale}/moderation/statements/${outcome.value}`
      : `/${locale}/moderation/cases/${encodeURIComponent(String(fd.get("caseId") ?? ""))}?error=${outcome.code}`,
});

/**
 * Saves the working copy and, when the editor's "submit for review" was pressed, submits it in
 * the same request: what was typed is never lost to a submission of the last saved copy. A
 * refusal comes back beside the fields, which keep what was typed. The service parses the
 * content with the statement schema (per-field errors).
 */
export const saveStatementAction = staffStateAction({
  schema: z.object({
    id,
    intent: text,
    changeNote: text,
    appearances: text,
    content: z.record(z.enum(LOCALES), z.record(z.enum(FIELDS), text)),
  }),
  roles: CASE_ROLES,
  fields: (fd) => ({
    ...Object.fromEntries(
      ["id", "intent", "changeNote", "appearances"].map((k) => [k, fd.get(k) ?? undefined]),
    ),
    content: Object.fromEntries(
      LOCALES.map((l) => [
        l,
        Object.fromEntries(FIELDS.map((f) => [f, fd.get(`${l}.${f}`) ?? ""])),
      ]),
    ),
  }),
  run: async ({ db, actor, input }) => {
    const appearances = input.appearances
      .split(/\s+/)
      .filter(Boolean)
      .map((url) => ({ url, platform: detectPlatform(url) ?? "other" }));
    await updateStatement(db, actor, { id: input.id, content: input.content, appearances });
    if (input.intent !== "submit") return { submitted: false };
    await submitStatement(db, actor, { id: input.id, changeNote: input.changeNote });
    return { submitted: true };
  },
  then: ({ submitted }, fd, locale) => {
    if (submitted) redirect(`/${locale}/moderation/statements/${fd.get("id")}?done=submitted`);
  },
});

/** Runs one step and comes back to the statement saying what happened (`done=published`). */
const step = <S extends z.ZodObject<{ id: typeof id }>>(
  done: "submitted" | "published" | "returned" | "withdrawn",
  schema: S,
  run: Parameters<typeof staffFormAction<S, string | null | void>>[0]["run"],
) =>
  staffFormAction({
    schema,
    roles: CASE_ROLES,
    run: async (ctx) => {
      const slug = await run(ctx);
      if (slug !== undefined) revalidateStatementPages(slug);
    },
    back: (outcome, fd, locale) =>
      `/${locale}/moderation/statements/${encodeURIComponent(String(fd.get("id") ?? ""))}?${outcome.ok ? `done=${done}` : `error=${outcome.code}`}`,
  });

export const submitAction = step(
  "submitted",
  z.object({ id, changeNote: text }),
  ({ db, actor, input }) => submitStatement(db, actor, input),
);
export const publishAction = step(
  "published",
  z.object({ id }),
  async ({ db, actor, input }) => (await publishStatement(db, actor, input)).slug,
);
export const returnAction = step("returned", z.object({ id, note: text }), ({ db, actor, input }) =>
  returnStatement(db, actor, input),
);
export const withdrawAction = step(
  "withdrawn",
  z.object({ id, reason: text }),
  async ({ db, actor, input }) => {
    await withdrawStatement(db, actor, input);
    return getStatementSlug(db, input.id);
  },
);
