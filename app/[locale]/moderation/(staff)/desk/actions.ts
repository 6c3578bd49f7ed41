"use server";

import { deadlineSchema, updateDeadline } from "@/lib/cases/deadlines";
import { saveTemplate, templateSchema } from "@/lib/desk/templates";
import { staffFormAction } from "@/lib/http/staff-action";

const back =
  (what: string) => (outcome: { ok: boolean; code?: string }, _fd: FormData, locale: string) =>
    `/${locale}/moderation/desk?${what}=${outcome.ok ? "saved" : (outcome.code ?? "error")}`;

/** An admin changes how long cases of a kind and priority may wait. */
export const deadlineAction = staffFormAction({
  schema: deadlineSchema,
  roles: ["admin"],
  run: async ({ db, actor, input }) => {
    await updateDeadline(db, actor, input);
  },
  back: back("deadline"),
});

/** An admin rewrites a notice template or a closing note (empty: back to the default). */
export const templateAction = staffFormAction({
  schema: templateSchema,
  roles: ["admin"],
  run: async ({ db, actor, input }) => {
    await saveTemplate(db, actor, input);
  },
  back: back("template"),
});
