"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { actionActor } from "@/lib/auth/session";
import { caseIdByRef } from "@/lib/cases/detail";
import { PRIORITIES } from "@/lib/cases/priority";
import { assignCases, closeCases, setPriority } from "@/lib/cases/service";
import { getDb } from "@/lib/db/client";
import { refusalKey } from "@/lib/http/action-error";

const bulkSchema = z.object({
  back: z.string().regex(/^\/(ar|fr|en)\/moderation(\?.*)?$/),
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
});

const withParam = (back: string, key: string, value: string) =>
  `${back}${back.includes("?") ? "&" : "?"}${key}=${encodeURIComponent(value)}`;

export async function bulkAction(fd: FormData) {
  const parsed = bulkSchema.safeParse({
    back: fd.get("back"),
    caseIds: fd.getAll("caseId"),
    op: fd.get("op"),
    note: fd.get("note") ?? undefined,
    survivorRef: fd.get("survivorRef") ?? undefined,
  });
  const back =
    typeof fd.get("back") === "string" && /^\/(ar|fr|en)\/moderation/.test(fd.get("back") as string)
      ? (fd.get("back") as string).split("#")[0]
      : "/ar/moderation";
  if (!parsed.success)
    redirect(withParam(back.replace(/[?&]bulk=[^&]*/g, ""), "bulk", "error:invalid"));
  const { caseIds, op, note } = parsed.data;
  const clean = parsed.data.back.replace(/[?&]bulk=[^&]*/g, "");
  if (caseIds.length === 0) redirect(withParam(clean, "bulk", "error:none"));

  let outcome: string;
  try {
    const db = await getDb();
    const actor = await actionActor();
    if (op === "assign_me")
      await assignCases(db, actor, { caseIds, assigneeId: actor?.id ?? null });
    else if (op === "unassign") await assignCases(db, actor, { caseIds, assigneeId: null });
    else if (op.startsWith("priority:"))
      await setPriority(db, actor, {
        caseIds,
        priority: op.slice(9) as (typeof PRIORITIES)[number],
      });
    else {
      const survivorId =
        op === "duplicate" ? await caseIdByRef(db, Number(parsed.data.survivorRef)) : undefined;
      await closeCases(db, actor, {
        caseIds,
        to: op as "no_action" | "duplicate",
        note: note ?? "",
        survivorId: survivorId ?? undefined,
      });
    }
    outcome = `done:${caseIds.length}`;
  } catch (error) {
    outcome = `error:${refusalKey(error)}`;
  }
  redirect(withParam(clean, "bulk", outcome));
}
