import "server-only";
import { and, eq, inArray, isNotNull, max, min, ne, sql } from "drizzle-orm";
import { requireCaseRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/log";
import type { Db, Tx } from "@/lib/db/connect";
import { caseEvents, caseLinks, cases, reports, staffUsers } from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";
import { decrypt } from "@/lib/security/crypto";
import { getSecrets } from "@/lib/security/secrets";
import { bump, METRICS, recordOutcome } from "@/lib/stats/rollup";
import { normalizeText } from "@/lib/text/normalize";
import { keepTextCarriers } from "./carriers";
import { summarize } from "./intake";
import type { Priority } from "./priority";
import { checkTransition, isFinal, isOpen, type CaseStatus, type Referral } from "./workflow";

async function lockCase(tx: Tx, id: string) {
  const [c] = await tx.select().from(cases).where(eq(cases.id, id)).for("update");
  if (!c) throw new ExpectedError("not_found");
  return c;
}

export interface TransitionInput {
  caseId: string;
  to: CaseStatus;
  note?: string | null;
  referral?: Referral | null;
  survivorId?: string | null;
  /** When it happened; now unless history is being written (the demo seed). */
  at?: Date;
}

/** Moves a case along its workflow; every step is on the timeline and in the audit trail. */
export async function transitionCase(
  db: Db,
  actorIn: Actor | null,
  input: TransitionInput,
): Promise<void> {
  const actor = requireCaseRole(actorIn);
  await db.transaction((tx) => transitionInTx(tx, actor, input));
}

async function transitionInTx(tx: Tx, actor: Actor, input: TransitionInput): Promise<void> {
  {
    const c = await lockCase(tx, input.caseId);
    const check = checkTransition({
      kind: c.kind as never,
      from: c.status as CaseStatus,
      to: input.to,
      roles: actor.roles,
      note: input.note,
      referral: input.referral,
      survivorId: input.survivorId,
      caseId: c.id,
    });
    if (!check.ok)
      throw new ExpectedError(check.reason === "forbidden" ? "forbidden" : "transition_refused", {
        reason: check.reason,
      });
    if (input.to === "duplicate") {
      await mergeInto(tx, actor, c.id, input.survivorId!, input.note!.trim());
      return;
    }
    const now = input.at ?? new Date();
    await tx
      .update(cases)
      .set({
        status: input.to,
        ...(input.to === "expertise" ? { expertiseAt: now } : {}),
        statusChangedAt: now,
        closedAt: isFinal(input.to) ? now : null,
        ...(input.to === "referred" && input.referral
          ? {
              referralDate: input.referral.date,
              referralUnit: input.referral.unit.trim(),
              referralReference: input.referral.reference.trim(),
            }
          : {}),
      })
      .where(eq(cases.id, c.id));
    const note = input.note?.trim() || null;
    await tx.insert(caseEvents).values({
      caseId: c.id,
      at: now,
      actorId: actor.id,
      type: "transition",
      fromStatus: c.status,
      toStatus: input.to,
      note,
      data: input.to === "referred" ? { referral: input.referral } : null,
    });
    if (input.to === "expertise")
      await bump(tx, {
        at: now,
        metric: METRICS.violentDetected,
        breakdowns: [`category:${c.category}`],
      });
    if (input.to === "referred") {
      // Counted with the year the content was detected, as a share of that year's detections.
      await bump(tx, { at: c.expertiseAt ?? now, metric: METRICS.referred });
      await recordOutcome(tx, c.id, "referral", c.firstReportAt, now);
    }
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "case.transition",
      targetType: "case",
      targetId: c.id,
      details: { from: c.status, to: input.to, note },
    });
  }
}

/** Closes `sourceId` as a duplicate of `survivorId`; its reports and links move over. */
async function mergeInto(tx: Tx, actor: Actor, sourceId: string, survivorId: string, note: string) {
  const survivor = await lockCase(tx, survivorId);
  if (!isOpen(survivor.status) || survivor.id === sourceId)
    throw new ExpectedError("transition_refused", { reason: "survivor_closed" });
  const source = await lockCase(tx, sourceId);
  const now = new Date();
  await tx.update(reports).set({ caseId: survivor.id }).where(eq(reports.caseId, source.id));
  await tx.execute(
    sql`insert into case_links (canonical_url, case_id) select canonical_url, ${survivor.id}::uuid from case_links where case_id = ${source.id} on conflict do nothing`,
  );
  await tx.delete(caseLinks).where(eq(caseLinks.caseId, source.id));
  await tx
    .update(cases)
    .set({
      reportCount: sql`${cases.reportCount} + ${source.reportCount}`,
      firstReportAt: sql`least(${cases.firstReportAt}, ${source.firstReportAt.toISOString()}::timestamptz)`,
      latestReportAt: sql`greatest(${cases.latestReportAt}, ${source.latestReportAt.toISOString()}::timestamptz)`,
      platforms: sql`array(select distinct unnest(${cases.platforms} || ARRAY[${sql.join(
        source.platforms.map((p) => sql`${p}`),
        sql`, `,
      )}]::text[]))`,
    })
    .where(eq(cases.id, survivor.id));
  await tx
    .update(cases)
    .set({
      status: "duplicate",
      mergedIntoId: survivor.id,
      reportCount: 0,
      statusChangedAt: now,
      closedAt: now,
    })
    .where(eq(cases.id, source.id));
  await tx.insert(caseEvents).values([
    {
      caseId: source.id,
      at: now,
      actorId: actor.id,
      type: "transition",
      fromStatus: source.status,
      toStatus: "duplicate",
      note,
      data: { survivorId: survivor.id, survivorRef: survivor.ref },
    },
    {
      caseId: survivor.id,
      at: now,
      actorId: actor.id,
      type: "merged",
      note,
      data: { sourceId: source.id, sourceRef: source.ref, reports: source.reportCount },
    },
  ]);
  await recordAudit(tx, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: "case.merge",
    targetType: "case",
    targetId: source.id,
    details: { survivorId: survivor.id, reports: source.reportCount, note },
  });
}

export async function mergeCases(
  db: Db,
  actor: Actor | null,
  input: { sourceId: string; survivorId: string; note: string },
) {
  return transitionCase(db, actor, {
    caseId: input.sourceId,
    to: "duplicate",
    survivorId: input.survivorId,
    note: input.note,
  });
}

/** Takes one report out of its case into a new case of its own. */
export async function splitReport(
  db: Db,
  actorIn: Actor | null,
  input: { reportId: string; note: string },
): Promise<string> {
  const actor = requireCaseRole(actorIn);
  if (!input.note?.trim())
    throw new ExpectedError("transition_refused", { reason: "note_required" });
  return db.transaction(async (tx) => {
    const [report] = await tx.select().from(reports).where(eq(reports.id, input.reportId));
    if (!report) throw new ExpectedError("not_found");
    const old = await lockCase(tx, report.caseId);
    if (!isOpen(old.status))
      throw new ExpectedError("transition_refused", { reason: "case_closed" });
    if (old.reportCount <= 1)
      throw new ExpectedError("transition_refused", { reason: "only_report" });
    const now = new Date();
    const summary = summarize(report.description);
    const [created] = await tx
      .insert(cases)
      .values({
        kind: report.kind,
        category: report.category,
        summary,
        searchText: normalizeText(summary),
        platforms: [report.platform],
        reportCount: 1,
        firstReportAt: report.submittedAt,
        latestReportAt: report.submittedAt,
        statusChangedAt: now,
      })
      .returning({ id: cases.id, ref: cases.ref });
    await tx.update(reports).set({ caseId: created.id }).where(eq(reports.id, report.id));
    await keepTextCarriers(tx, created.id);
    await keepTextCarriers(tx, old.id);
    await bump(tx, { at: now, metric: METRICS.casesOpened, breakdowns: [`kind:${report.kind}`] });
    await tx.execute(
      sql`insert into case_links (canonical_url, case_id) select distinct canonical_url, ${created.id}::uuid from report_links where report_id = ${report.id} on conflict do nothing`,
    );
    // The old case keeps only the links, platforms and dates of the reports it still has.
    await tx
      .delete(caseLinks)
      .where(
        and(
          eq(caseLinks.caseId, old.id),
          sql`not exists (select 1 from report_links rl join reports r on r.id = rl.report_id where r.case_id = ${old.id} and rl.canonical_url = ${caseLinks.canonicalUrl})`,
        ),
      );
    const [agg] = await tx
      .select({
        first: min(reports.submittedAt),
        latest: max(reports.submittedAt),
        platforms: sql<string[]>`array_agg(distinct ${reports.platform})`,
      })
      .from(reports)
      .where(eq(reports.caseId, old.id));
    await tx
      .update(cases)
      .set({
        reportCount: sql`${cases.reportCount} - 1`,
        firstReportAt: agg.first!,
        latestReportAt: agg.latest!,
        platforms: agg.platforms,
      })
      .where(eq(cases.id, old.id));
    await tx.insert(caseEvents).values([
      {
        caseId: old.id,
        at: now,
        actorId: actor.id,
        type: "split",
        note: input.note.trim(),
        data: { reportId: report.id, newCaseId: created.id, newCaseRef: created.ref },
      },
      {
        caseId: created.id,
        at: now,
        actorId: actor.id,
        type: "created",
        toStatus: "new",
        note: input.note.trim(),
        data: { splitFrom: old.id, splitFromRef: old.ref },
      },
    ]);
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "case.split",
      targetType: "report",
      targetId: report.id,
      details: { fromCaseId: old.id, newCaseId: created.id, note: input.note.trim() },
    });
    return created.id;
  });
}

export async function assignCases(
  db: Db,
  actorIn: Actor | null,
  input: { caseIds: string[]; assigneeId: string | null },
) {
  const actor = requireCaseRole(actorIn);
  await db.transaction(async (tx) => {
    if (input.assigneeId) {
      const [assignee] = await tx
        .select({ roles: staffUsers.roles, disabledAt: staffUsers.disabledAt })
        .from(staffUsers)
        .where(eq(staffUsers.id, input.assigneeId));
      if (
        !assignee ||
        assignee.disabledAt ||
        !assignee.roles.some((r) => r === "moderator" || r === "publisher")
      )
        throw new ExpectedError("conflict", { reason: "assignee_invalid" });
    }
    const now = new Date();
    const changed = await tx
      .update(cases)
      .set({ assigneeId: input.assigneeId })
      .where(
        and(
          inArray(cases.id, input.caseIds),
          input.assigneeId
            ? sql`${cases.assigneeId} is distinct from ${input.assigneeId}`
            : isNotNull(cases.assigneeId),
        ),
      )
      .returning({ id: cases.id });
    if (changed.length === 0) return;
    await tx.insert(caseEvents).values(
      changed.map((c) => ({
        caseId: c.id,
        at: now,
        actorId: actor.id,
        type: "assigned",
        data: { assigneeId: input.assigneeId },
      })),
    );
    for (const c of changed)
      await recordAudit(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: "case.assign",
        targetType: "case",
        targetId: c.id,
        details: { assigneeId: input.assigneeId },
      });
  });
}

export async function setPriority(
  db: Db,
  actorIn: Actor | null,
  input: { caseIds: string[]; priority: Priority },
) {
  const actor = requireCaseRole(actorIn);
  await db.transaction(async (tx) => {
    const now = new Date();
    const changed = await tx
      .update(cases)
      .set({ priority: input.priority })
      .where(and(inArray(cases.id, input.caseIds), ne(cases.priority, input.priority)))
      .returning({ id: cases.id });
    if (changed.length === 0) return;
    await tx.insert(caseEvents).values(
      changed.map((c) => ({
        caseId: c.id,
        at: now,
        actorId: actor.id,
        type: "priority",
        data: { to: input.priority },
      })),
    );
    for (const c of changed)
      await recordAudit(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: "case.priority",
        targetType: "case",
        targetId: c.id,
        details: { to: input.priority },
      });
  });
}

/** Bulk close from the queue: each case goes through the same checks as one by one, all or none. */
export async function closeCases(
  db: Db,
  actorIn: Actor | null,
  input: { caseIds: string[]; to: "no_action" | "duplicate"; note: string; survivorId?: string },
) {
  const actor = requireCaseRole(actorIn);
  await db.transaction(async (tx) => {
    for (const caseId of input.caseIds) {
      if (caseId === input.survivorId) continue;
      await transitionInTx(tx, actor, {
        caseId,
        to: input.to,
        note: input.note,
        survivorId: input.survivorId,
      });
    }
  });
}

/** Contact details of one report, for a stated reason that goes into the audit trail. */
export async function revealContact(
  db: Db,
  actorIn: Actor | null,
  input: { reportId: string; reason: string },
): Promise<{ email?: string; phone?: string } | null> {
  const actor = requireCaseRole(actorIn);
  if (input.reason.trim().length < 5)
    throw new ExpectedError("transition_refused", { reason: "reason_required" });
  return db.transaction(async (tx) => {
    const [r] = await tx
      .select({ contactEnc: reports.contactEnc, caseId: reports.caseId })
      .from(reports)
      .where(eq(reports.id, input.reportId));
    if (!r) throw new ExpectedError("not_found");
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "contact.revealed",
      targetType: "report",
      targetId: input.reportId,
      details: { caseId: r.caseId, reason: input.reason.trim() },
    });
    await tx.insert(caseEvents).values({
      caseId: r.caseId,
      actorId: actor.id,
      type: "contact_revealed",
      note: input.reason.trim(),
      data: { reportId: input.reportId },
    });
    return r.contactEnc
      ? (JSON.parse(decrypt(r.contactEnc, getSecrets().encryptionKey)) as {
          email?: string;
          phone?: string;
        })
      : null;
  });
}

/** A note on the case's timeline, without changing anything else. */
export async function addCaseNote(
  db: Db,
  actorIn: Actor | null,
  input: { caseId: string; note: string },
) {
  const actor = requireCaseRole(actorIn);
  const note = input.note.trim();
  if (!note) throw new ExpectedError("transition_refused", { reason: "note_required" });
  await db.transaction(async (tx) => {
    await lockCase(tx, input.caseId);
    await tx
      .insert(caseEvents)
      .values({ caseId: input.caseId, actorId: actor.id, type: "note", note });
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "case.note",
      targetType: "case",
      targetId: input.caseId,
      details: { note },
    });
  });
}
