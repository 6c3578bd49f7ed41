"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { caseIdByRef } from "@/lib/cases/detail";
import { PRIORITIES } from "@/lib/cases/priority";
import {
  addCaseNote,
  assignCases,
  holdCase,
  releaseHold,
  mergeCases,
  revealContact,
  setPriority,
  splitReport,
  transitionCase,
} from "@/lib/cases/service";
import { CASE_ROLES, CASE_STATUSES } from "@/lib/cases/workflow";
import {
  prepareNotice,
  prepareNoticeSchema,
  recordNotice,
  recordNoticeSchema,
} from "@/lib/desk/notices";
import { ExpectedError } from "@/lib/errors";
import { staffFormAction, staffStateAction } from "@/lib/http/staff-action";

const text = (max = 4000) => z.string().max(max).optional();
const caseId = z.uuid();

/**
 * Every case action comes back to the case page with its outcome in the URL. Each takes or
 * refreshes the actor's hold on the case first, and is refused while another member holds it
 * (lib/cases/commands/hold.ts); `holds: false` for the hold's own actions.
 */
const caseAction = <S extends z.ZodObject<{ caseId: typeof caseId }>>(
  schema: S,
  run: Parameters<typeof staffFormAction<S, unknown>>[0]["run"],
  holds = true,
) =>
  staffFormAction({
    schema,
    roles: CASE_ROLES,
    run: async (ctx) => {
      if (holds) await holdCase(ctx.db, ctx.actor, { caseId: ctx.input.caseId });
      return run(ctx);
    },
    back: (outcome, fd, locale) => {
      const id = caseId.safeParse(fd.get("caseId"));
      if (!id.success) return `/${locale}/moderation`;
      revalidatePath(`/${locale}/moderation/cases/${id.data}`);
      return `/${locale}/moderation/cases/${id.data}?${outcome.ok ? "done=1" : `error=${outcome.code}`}`;
    },
  });

export const transitionAction = caseAction(
  z.object({
    caseId,
    to: z.enum(CASE_STATUSES),
    note: text(),
    survivorRef: text(20),
    referralDate: text(),
    referralUnit: text(),
    referralReference: text(),
  }),
  async ({ db, actor, input }) => {
    const survivorId = input.survivorRef ? await caseIdByRef(db, Number(input.survivorRef)) : null;
    if (input.to === "duplicate" && input.survivorRef && !survivorId)
      throw new ExpectedError("transition_refused", { reason: "survivor_required" });
    await transitionCase(db, actor, {
      caseId: input.caseId,
      to: input.to,
      note: input.note,
      survivorId,
      referral:
        input.to === "referred"
          ? {
              date: input.referralDate ?? "",
              unit: input.referralUnit ?? "",
              reference: input.referralReference ?? "",
            }
          : null,
    });
  },
);

export const assignAction = caseAction(
  z.object({ caseId, assignee: z.union([z.literal("me"), z.literal(""), z.uuid()]).optional() }),
  async ({ db, actor, input }) =>
    assignCases(db, actor, {
      caseIds: [input.caseId],
      assigneeId: input.assignee === "me" ? actor.id : input.assignee || null,
    }),
);

export const priorityAction = caseAction(
  z.object({ caseId, priority: z.enum(PRIORITIES) }),
  async ({ db, actor, input }) =>
    setPriority(db, actor, { caseIds: [input.caseId], priority: input.priority }),
);

export const noteAction = caseAction(z.object({ caseId, note: text() }), ({ db, actor, input }) =>
  addCaseNote(db, actor, { caseId: input.caseId, note: input.note ?? "" }),
);

export const splitAction = caseAction(
  z.object({ caseId, reportId: z.uuid(), note: text() }),
  ({ db, actor, input }) =>
    splitReport(db, actor, { reportId: input.reportId, note: input.note ?? "" }),
);

export const mergeAction = caseAction(
  z.object({ caseId, sourceId: z.uuid(), note: text() }),
  ({ db, actor, input }) =>
    mergeCases(db, actor, {
      sourceId: input.sourceId,
      survivorId: input.caseId,
      note: input.note ?? "",
    }),
);

export const holdAction = caseAction(
  z.object({ caseId, takeOver: z.literal("1").optional() }),
  ({ db, actor, input }) =>
    holdCase(db, actor, {
      caseId: input.caseId,
      takeOver: Boolean(input.takeOver),
      explicit: true,
    }),
  false,
);

export const releaseAction = caseAction(
  z.object({ caseId }),
  ({ db, actor, input }) => releaseHold(db, actor, { caseId: input.caseId }),
  false,
);

export const revealAction = staffStateAction({
  schema: z.object({ reportId: z.uuid(), reason: text() }),
  roles: CASE_ROLES,
  run: ({ db, actor, input }) =>
    revealContact(db, actor, { reportId: input.reportId, reason: input.reason ?? "" }),
});

export const prepareNoticeAction = caseAction(prepareNoticeSchema, async ({ db, actor, input }) => {
  await prepareNotice(db, actor, input);
});

export const recordNoticeAction = caseAction(recordNoticeSchema, async ({ db, actor, input }) => {
  await recordNotice(db, actor, input);
});
