"use server";

import { z } from "zod";
import { caseIdByRef } from "@/lib/cases/detail";
import { PRIORITIES } from "@/lib/cases/priority";
import { assignCases, closeCases, refuseHeldByOthers, setPriority } from "@/lib/cases/service";
import { CASE_ROLES } from "@/lib/cases/workflow";
import { ExpectedError } from "@/lib/errors";
import { staffFormAction } from "@/lib/http/staff-action";

const BACK = /^\/(ar|fr|en)\/moderation(\?.*)?$/;

// The queue address the form came from, without a previous outcome: the outcome goes back there.
function backOf(fd: FormData, locale: string) {
  const back = fd.get("back");
  const clean =
    typeof back === "string" && BACK.test(back.split("#")[0])
      ? back.split("#")[0]
      : `/${locale}/moderation`;
  return clean.replace(/[?&]bulk=[^&]*/g, "");
}
const withParam = (back: string, key: string, value: string) =>
  `${back}${back.includes("?") ? "&" : "?"}${key}=${encodeURIComponent(value)}`;

/** One operation on the cases ticked in the queue. */
export const bulkAction = staffFormAction({
  schema: z.object({
    caseIds: z.array(z.uuid()).max(200),
    op: z.enum([
      "assign_me",
      "unassign",
      "no_action",
      "duplicate",
      ...PRIORITIES.map((p) => `priority:${p}` as const),
    ]),
    note: z.string().max(2000).optional(),
    survivorRef: z.string().max(20).optional(),
  }),
  roles: CASE_ROLES,
  fields: (fd) => ({
    caseIds: fd.getAll("caseId"),
    op: fd.get("op"),
    note: fd.get("note") ?? undefined,
    survivorRef: fd.get("survivorRef") ?? undefined,
  }),
  run: async ({ db, actor, input: { caseIds, op, note, survivorRef } }) => {
    if (caseIds.length === 0) throw new ExpectedError("validation_failed", { reason: "none" });
    // Not over another member's shoulder: a case someone is handling is theirs to act on.
    await refuseHeldByOthers(db, actor, caseIds);
    if (op === "assign_me") await assignCases(db, actor, { caseIds, assigneeId: actor.id });
    else if (op === "unassign") await assignCases(db, actor, { caseIds, assigneeId: null });
    else if (op.startsWith("priority:"))
      await setPriority(db, actor, {
        caseIds,
        priority: op.slice(9) as (typeof PRIORITIES)[number],
      });
    else {
      const survivorId = op === "duplicate" ? await caseIdByRef(db, Number(survivorRef)) : null;
      await closeCases(db, actor, {
        caseIds,
        to: op as "no_action" | "duplicate",
        note: note ?? "",
        survivorId: survivorId ?? undefined,
      });
    }
    return caseIds.length;
  },
  back: (outcome, fd, locale) =>
    withParam(
      backOf(fd, locale),
      "bulk",
      outcome.ok ? `done:${outcome.value}` : `error:${outcome.code}`,
    ),
});
