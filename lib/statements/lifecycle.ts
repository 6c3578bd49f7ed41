import "server-only";
import { eq, sql } from "drizzle-orm";
import { hasRole, requireCaseRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/log";
import { isOpen } from "@/lib/cases/workflow";
import type { Db, Tx } from "@/lib/db/connect";
import {
  caseEvents,
  caseLinks,
  cases,
  statements,
  statementVersions,
  type StatementContent,
} from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translate";
import { detectPlatform } from "@/lib/text/canonical-url";
import { bump, METRICS, recordOutcome } from "@/lib/stats/rollup";
import { normalizeText } from "@/lib/text/normalize";
import { statementDraftSchema, type StatementType } from "./schema";
import { isUuid } from "@/lib/validation";

async function lockStatement(tx: Tx, id: string) {
  if (!isUuid(id)) throw new ExpectedError("not_found");
  const [s] = await tx.select().from(statements).where(eq(statements.id, id)).for("update");
  if (!s) throw new ExpectedError("not_found");
  return s;
}

const refuse = (reason: string) => new ExpectedError("transition_refused", { reason });

function searchTextOf(content: StatementContent): string {
  return normalizeText(
    Object.values(content)
      .filter(Boolean)
      .flatMap((c) => [c!.title, c!.summary, c!.claimReviewed, c!.body])
      .join(" "),
  );
}

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

/** Draft → in review; for a published statement, its amendment → in review (a change note is required). */
export async function submitStatement(
  db: Db,
  actorIn: Actor | null,
  input: { id: string; changeNote?: string },
): Promise<void> {
  const actor = requireCaseRole(actorIn);
  await db.transaction(async (tx) => {
    const s = await lockStatement(tx, input.id);
    // The text must be complete before anyone is asked to approve it.
    const valid = statementDraftSchema.safeParse({
      content: s.content,
      appearances: s.appearances,
    });
    if (!valid.success) throw refuse("incomplete");
    const editors = sql`array(select distinct unnest(${statements.pendingEditors} || array[${actor.id}]::uuid[]))`;
    if (s.status === "draft") {
      await tx
        .update(statements)
        .set({ status: "in_review", pendingEditors: editors })
        .where(eq(statements.id, s.id));
    } else if (s.status === "published" && s.amendment === "draft") {
      if (!input.changeNote?.trim()) throw refuse("change_note_required");
      await tx
        .update(statements)
        .set({
          amendment: "in_review",
          changeNote: input.changeNote.trim(),
          pendingEditors: editors,
        })
        .where(eq(statements.id, s.id));
    } else throw refuse("not_submittable");
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "statement.submit",
      targetType: "statement",
      targetId: s.id,
    });
  });
}

/** A publisher sends it back for changes, with a reason. */
export async function returnStatement(
  db: Db,
  actorIn: Actor | null,
  input: { id: string; note: string },
): Promise<void> {
  const actor = requireCaseRole(actorIn);
  if (!hasRole(actor, "publisher")) throw new ExpectedError("forbidden");
  if (!input.note.trim()) throw refuse("note_required");
  await db.transaction(async (tx) => {
    const s = await lockStatement(tx, input.id);
    if (s.status === "in_review")
      await tx.update(statements).set({ status: "draft" }).where(eq(statements.id, s.id));
    else if (s.amendment === "in_review")
      await tx.update(statements).set({ amendment: "draft" }).where(eq(statements.id, s.id));
    else throw refuse("not_in_review");
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "statement.return",
      targetType: "statement",
      targetId: s.id,
      details: { note: input.note.trim() },
    });
  });
}

/**
 * Two-person rule: a publisher who neither wrote nor edited this text approves it, and it goes
 * public as a new version. Publishing a denial or truth statement closes its case.
 */
export async function publishStatement(
  db: Db,
  actorIn: Actor | null,
  input: { id: string },
  now = new Date(),
): Promise<{ slug: string }> {
  const actor = requireCaseRole(actorIn);
  if (!hasRole(actor, "publisher")) throw new ExpectedError("forbidden");
  return db.transaction(async (tx) => {
    const s = await lockStatement(tx, input.id);
    const first = s.status === "in_review";
    if (!first && s.amendment !== "in_review") throw refuse("not_in_review");
    if (s.authorId === actor.id && first)
      throw new ExpectedError("forbidden", { reason: "own_statement" });
    if (s.pendingEditors.includes(actor.id))
      throw new ExpectedError("forbidden", { reason: "own_statement" });

    const version = s.version + 1;
    const slug = s.slug ?? `${now.getUTCFullYear()}-${s.ref}`;
    await tx.insert(statementVersions).values({
      statementId: s.id,
      version,
      content: s.content,
      appearances: s.appearances,
      changeNote: first ? null : s.changeNote,
      publishedAt: now,
      approvedBy: actor.id,
    });
    await tx
      .update(statements)
      .set({
        status: "published",
        amendment: null,
        changeNote: null,
        pendingEditors: [],
        version,
        slug,
        publishedAt: s.publishedAt ?? now,
        updatedAt: now,
        searchText: searchTextOf(s.content),
      })
      .where(eq(statements.id, s.id));

    // The publication date is the one that counts in the yearly figures.
    if (first) await bump(tx, { at: now, metric: METRICS[s.type as StatementType] });
    if (first && s.type !== "communique") {
      const to = s.type === "denial" ? "debunked" : "confirmed";
      const [c] = await tx
        .select({ status: cases.status, firstReportAt: cases.firstReportAt })
        .from(cases)
        .where(eq(cases.id, s.caseId))
        .for("update");
      if (c) await recordOutcome(tx, s.caseId, "statement", c.firstReportAt, now);
      if (c && isOpen(c.status)) {
        await tx
          .update(cases)
          .set({ status: to, statusChangedAt: now, closedAt: now })
          .where(eq(cases.id, s.caseId));
        await tx.insert(caseEvents).values({
          caseId: s.caseId,
          at: now,
          actorId: actor.id,
          type: "transition",
          fromStatus: c.status,
          toStatus: to,
          note: `statement ${slug}`,
          data: { statementId: s.id },
        });
      }
    }
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "statement.publish",
      targetType: "statement",
      targetId: s.id,
      details: { version, slug },
    });
    return { slug };
  });
}

/** Withdrawn, never deleted: the page stays, marked, with the reason. */
export async function withdrawStatement(
  db: Db,
  actorIn: Actor | null,
  input: { id: string; reason: string },
  now = new Date(),
): Promise<void> {
  const actor = requireCaseRole(actorIn);
  if (!hasRole(actor, "publisher")) throw new ExpectedError("forbidden");
  if (!input.reason.trim()) throw refuse("reason_required");
  await db.transaction(async (tx) => {
    const s = await lockStatement(tx, input.id);
    if (s.status !== "published") throw refuse("not_published");
    await tx
      .update(statements)
      .set({
        status: "withdrawn",
        amendment: null,
        withdrawnAt: now,
        withdrawalReason: input.reason.trim(),
        updatedAt: now,
      })
      .where(eq(statements.id, s.id));
    // Still counted in the year it was published, and listed there as withdrawn.
    await bump(tx, {
      at: s.publishedAt!,
      metric: METRICS.withdrawn,
      breakdowns: [`type:${s.type}`],
    });
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "statement.withdraw",
      targetType: "statement",
      targetId: s.id,
      details: { reason: input.reason.trim() },
    });
  });
}
