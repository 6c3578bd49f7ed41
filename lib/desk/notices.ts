import "server-only";
import { and, asc, eq, getTableColumns } from "drizzle-orm";
import { z } from "zod";
import { requireCaseRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/log";
import type { Db, Executor } from "@/lib/db/connect";
import {
  caseEvents,
  caseLinks,
  cases,
  staffUsers,
  takedownNotices,
  type TakedownNotice,
} from "@/lib/db/schema";
import { env } from "@/lib/env";
import { ExpectedError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translate";
import { canonicalizeUrl, detectPlatform } from "@/lib/text/canonical-url";
import { LOCALES } from "@/lib/vocabulary";
import { NOTICE_EVENTS, nextStatus, RECHECK_DAYS, type NoticeStatus } from "./notice-states";
import { fillTemplate, templateOf, type CaseKind } from "./templates";

// Takedown notices (DSA Art. 16): prepared from a case for one of its links, in the platform's
// language, then tracked as the platform answers. Sending itself happens outside (the
// platform's form or address): the moderator records when, to whom, and the reference given.

export const prepareNoticeSchema = z.object({
  caseId: z.uuid(),
  url: z.string().min(1).max(2048),
  language: z.enum(LOCALES),
  reasons: z.string().trim().min(20).max(4000),
});

export const recordNoticeSchema = z.object({
  // The case the member acts on (and holds): a notice of another case is not found.
  caseId: z.uuid(),
  noticeId: z.uuid(),
  event: z.enum(NOTICE_EVENTS),
  sentTo: z.string().trim().max(300).optional(),
  reference: z.string().trim().max(200).optional(),
});

const DAY = 86_400_000;

/** The notice's text, as sent: the kind's template in its language with this case's facts. */
function noticeBody(
  template: string,
  n: { url: string; platform: string; reasons: string; locale: Locale },
  sender: { email: string },
  ref: number,
  now: Date,
) {
  const t = translator(n.locale);
  return fillTemplate(template, {
    url: n.url,
    platform: t(`platforms.${n.platform as "x"}`),
    reasons: n.reasons,
    sender: env.ORG_NAME,
    senderEmail: sender.email,
    caseRef: `IBLAGH-${ref}`,
    date: now.toISOString().slice(0, 10),
    goodFaith: t("desk.notice.goodFaith"),
  });
}

/** Prepares the notice for one of the case's links; one per link (a second is a conflict). */
export async function prepareNotice(
  db: Db,
  actorIn: Actor | null,
  input: z.infer<typeof prepareNoticeSchema>,
  now = new Date(),
): Promise<TakedownNotice> {
  const actor = requireCaseRole(actorIn);
  const p = prepareNoticeSchema.parse(input);
  return db.transaction(async (tx) => {
    const [c] = await tx
      .select({ id: cases.id, ref: cases.ref, kind: cases.kind })
      .from(cases)
      .where(eq(cases.id, p.caseId));
    if (!c) throw new ExpectedError("not_found");
    const [link] = await tx
      .select({ url: caseLinks.canonicalUrl })
      .from(caseLinks)
      .where(
        and(
          eq(caseLinks.caseId, p.caseId),
          eq(caseLinks.canonicalUrl, canonicalizeUrl(p.url) ?? p.url),
        ),
      );
    if (!link) throw new ExpectedError("validation_failed", { reason: "notice_link" });
    const platform = detectPlatform(link.url) ?? "other";
    const template = await templateOf(tx, "notice", c.kind as CaseKind, p.language);
    const body = noticeBody(
      template.body,
      { url: link.url, platform, reasons: p.reasons, locale: p.language },
      actor,
      Number(c.ref),
      now,
    );
    const [row] = await tx
      .insert(takedownNotices)
      .values({
        caseId: p.caseId,
        url: link.url,
        canonicalUrl: link.url,
        platform,
        locale: p.language,
        reasons: p.reasons,
        body,
        createdBy: actor.id,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new ExpectedError("conflict", { reason: "notice_exists" });
    await tx.insert(caseEvents).values({
      caseId: p.caseId,
      at: now,
      actorId: actor.id,
      type: "notice",
      data: { url: link.url, event: "prepared", platform },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "notice.prepare",
      targetType: "case",
      targetId: p.caseId,
      details: { notice: row.id, platform, language: p.language },
    });
    return row;
  });
}

/** Records what happened to a notice (sent, the platform's answer, a look at the link). */
export async function recordNotice(
  db: Db,
  actorIn: Actor | null,
  input: z.infer<typeof recordNoticeSchema>,
  now = new Date(),
): Promise<TakedownNotice> {
  const actor = requireCaseRole(actorIn);
  const r = recordNoticeSchema.parse(input);
  return db.transaction(async (tx) => {
    const [n] = await tx
      .select()
      .from(takedownNotices)
      .where(eq(takedownNotices.id, r.noticeId))
      .for("update");
    if (!n || n.caseId !== r.caseId) throw new ExpectedError("not_found");
    const to = nextStatus(n.status as NoticeStatus, r.event);
    if (!to) throw new ExpectedError("transition_refused", { reason: "notice_state" });
    if (r.event === "sent" && !r.sentTo)
      throw new ExpectedError("validation_failed", { reason: "notice_sent_to" });
    const later = new Date(now.getTime() + RECHECK_DAYS * DAY);
    const patch: Partial<TakedownNotice> = { status: to };
    if (r.reference) patch.reference = r.reference;
    if (r.event === "sent")
      Object.assign(patch, { sentAt: now, sentTo: r.sentTo, recheckAt: later });
    if (r.event === "acknowledged") patch.acknowledgedAt = now;
    if (r.event === "removed")
      Object.assign(patch, { resolvedAt: now, checkedAt: now, recheckAt: null });
    if (r.event === "refused") Object.assign(patch, { resolvedAt: now, recheckAt: later });
    if (r.event === "no_answer" || r.event === "still_online")
      Object.assign(patch, {
        recheckAt: later,
        ...(r.event === "still_online" ? { checkedAt: now } : {}),
      });
    const [row] = await tx
      .update(takedownNotices)
      .set(patch)
      .where(eq(takedownNotices.id, n.id))
      .returning();
    await tx.insert(caseEvents).values({
      caseId: n.caseId,
      at: now,
      actorId: actor.id,
      type: "notice",
      data: { url: n.url, event: r.event, platform: n.platform },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "notice.record",
      targetType: "case",
      targetId: n.caseId,
      details: { notice: n.id, event: r.event, from: n.status, to },
    });
    return row;
  });
}

export type CaseNotice = TakedownNotice & { creatorEmail: string };

/** A case's notices, each with who prepared it (the notice's submitter). */
export async function noticesOfCase(db: Executor, caseId: string): Promise<CaseNotice[]> {
  return db
    .select({ ...getTableColumns(takedownNotices), creatorEmail: staffUsers.email })
    .from(takedownNotices)
    .innerJoin(staffUsers, eq(staffUsers.id, takedownNotices.createdBy))
    .where(eq(takedownNotices.caseId, caseId))
    .orderBy(asc(takedownNotices.createdAt));
}

/** The notice as data, with what DSA Art. 16(2) asks of one, for a platform's API or records. */
export function noticeJson(n: TakedownNotice, caseRef: number, senderEmail: string) {
  const t = translator(n.locale as Locale);
  return {
    type: "takedown_notice",
    legalBasis: "Regulation (EU) 2022/2065, Article 16",
    language: n.locale,
    platform: n.platform,
    url: n.url,
    explanation: n.reasons,
    submitter: { name: env.ORG_NAME, email: senderEmail },
    goodFaithStatement: t("desk.notice.goodFaith"),
    caseReference: `IBLAGH-${caseRef}`,
    preparedAt: n.createdAt.toISOString(),
    sentAt: n.sentAt?.toISOString() ?? null,
    sentTo: n.sentTo,
    reference: n.reference,
    status: n.status,
  };
}
