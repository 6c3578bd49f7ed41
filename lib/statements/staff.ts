import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/connect";
import {
  cases,
  staffUsers,
  statements,
  statementVersions,
  type StatementContent,
} from "@/lib/db/schema";
import { isUuid } from "@/lib/validation";

const author = alias(staffUsers, "author");

/** The statements desk: drafts, the publishers' inbox (in review), published and withdrawn. */
export async function listStatementsForStaff(db: Executor) {
  const rows = await db
    .select({
      id: statements.id,
      type: statements.type,
      status: statements.status,
      amendment: statements.amendment,
      slug: statements.slug,
      // The Arabic title only, not whole bodies for up to 500 rows.
      title: sql<string>`${statements.content}->'ar'->>'title'`,
      caseRef: cases.ref,
      authorEmail: author.email,
      createdAt: statements.createdAt,
      publishedAt: statements.publishedAt,
    })
    .from(statements)
    .innerJoin(cases, eq(cases.id, statements.caseId))
    .innerJoin(author, eq(author.id, statements.authorId))
    .orderBy(desc(statements.createdAt))
    .limit(500);
  return rows.map((r) => ({
    ...r,
    caseRef: Number(r.caseRef),
    inReview: r.status === "in_review" || r.amendment === "in_review",
  }));
}

export async function getStatementForEdit(db: Executor, id: string, actor: Actor) {
  if (!isUuid(id)) return null;
  const [s] = await db
    .select({
      statement: statements,
      caseRef: cases.ref,
      caseKind: cases.kind,
      caseSummary: cases.summary,
      authorEmail: author.email,
    })
    .from(statements)
    .innerJoin(cases, eq(cases.id, statements.caseId))
    .innerJoin(author, eq(author.id, statements.authorId))
    .where(eq(statements.id, id));
  if (!s) return null;
  const st = s.statement;
  // What is public now, for the publisher to compare an amendment with before publishing it.
  const [published] =
    st.status === "published"
      ? await db
          .select({ content: statementVersions.content })
          .from(statementVersions)
          .where(
            and(
              eq(statementVersions.statementId, st.id),
              eq(statementVersions.version, st.version),
            ),
          )
      : [];
  const inReview = st.status === "in_review" || st.amendment === "in_review";
  const isPublisher = actor.roles.includes("publisher");
  const ownWork =
    st.pendingEditors.includes(actor.id) || (st.status === "in_review" && st.authorId === actor.id);
  return {
    ...st,
    caseRef: Number(s.caseRef),
    // The reporters' words: offered as a starting point for the claim, never published as they are.
    caseSummary: s.caseSummary,
    publishedContent: (published?.content ?? null) as StatementContent | null,
    authorEmail: s.authorEmail,
    editable: st.status === "draft" || (st.status === "published" && st.amendment !== "in_review"),
    submittable: st.status === "draft" || st.amendment === "draft",
    canApprove: inReview && isPublisher && !ownWork,
    ownWork,
    inReview,
    canWithdraw: st.status === "published" && isPublisher,
  };
}
export type StatementForEdit = NonNullable<Awaited<ReturnType<typeof getStatementForEdit>>>;

export async function statementsOfCase(db: Executor, caseId: string) {
  return db
    .select({
      id: statements.id,
      type: statements.type,
      status: statements.status,
      slug: statements.slug,
    })
    .from(statements)
    .where(eq(statements.caseId, caseId));
}
