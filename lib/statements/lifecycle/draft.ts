import "server-only";
import { eq, sql } from "drizzle-orm";
import { requireCaseRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/connect";
import { caseLinks, cases, statements, type StatementContent } from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translate";
import { detectPlatform } from "@/lib/text/canonical-url";
import { statementDraftSchema, type StatementType } from "../schema";
import { lockStatement, refuse } from "./shared";

/** A draft prefilled from the case: its claim and its links. One live statement per type. */
export async function createStatementDraft(
  db: Db,
  actorIn: Actor | null,
  input: { caseId: string; type: StatementType },
): Promise<string> {
  const actor = requireCaseRole(actorIn);
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(cases).where(eq(cases.id, input.caseId));
    if (!c) throw new ExpectedError("not_found");
    if (input.type !== "communique" && c.kind !== "rumor") throw refuse("type_mismatch");
    const links = await tx
      .select({ url: caseLinks.canonicalUrl })
      .from(caseLinks)
      .where(eq(caseLinks.caseId, c.id))
      .limit(20);
    const [created] = await tx
      .insert(statements)
      .values({
        caseId: c.id,
        type: input.type,
        authorId: actor.id,
        pendingEditors: [actor.id],
        // The Arabic text is required; its verdict label starts from the message files' default.
        // The claim starts empty: the case summary is a citizen's own words, which the editor
        // offers to adapt but never publishes as they are.
        content: {
          ar: {
            title: "",
            summary: "",
            body: "",
            claimReviewed: "",
            verdict: translator("ar")(`statements.defaultVerdict.${input.type}`),
          },
        },
        appearances: links.map((l) => ({
          url: l.url,
          platform: detectPlatform(l.url) ?? "website",
        })),
      })
      .onConflictDoNothing()
      .returning({ id: statements.id });
    if (!created) throw new ExpectedError("conflict", { reason: "statement_exists" });
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "statement.create",
      targetType: "statement",
      targetId: created.id,
      details: { caseId: c.id, type: input.type },
    });
    return created.id;
  });
}

/** Edits the working copy: a draft, or an amendment of a published statement. */
export async function updateStatement(
  db: Db,
  actorIn: Actor | null,
  input: { id: string; content: unknown; appearances: unknown },
): Promise<void> {
  const actor = requireCaseRole(actorIn);
  const parsed = statementDraftSchema.parse({
    content: input.content,
    appearances: input.appearances,
  });
  await db.transaction(async (tx) => {
    const s = await lockStatement(tx, input.id);
    if (s.status === "withdrawn" || s.status === "in_review" || s.amendment === "in_review")
      throw refuse("not_editable");
    await tx
      .update(statements)
      .set({
        content: parsed.content as StatementContent,
        appearances: parsed.appearances,
        pendingEditors: sql`array(select distinct unnest(${statements.pendingEditors} || array[${actor.id}]::uuid[]))`,
        ...(s.status === "published" ? { amendment: "draft" } : {}),
      })
      .where(eq(statements.id, s.id));
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "statement.update",
      targetType: "statement",
      targetId: s.id,
    });
  });
}
