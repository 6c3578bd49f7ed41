"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionActor } from "@/lib/auth/session";
import { caseIdByRef } from "@/lib/cases/detail";
import { PRIORITIES } from "@/lib/cases/priority";
import {
  addCaseNote,
  assignCases,
  mergeCases,
  revealContact,
  setPriority,
  splitReport,
  transitionCase,
} from "@/lib/cases/service";
import { CASE_STATUSES } from "@/lib/cases/workflow";
import { getDb } from "@/lib/db/client";
import { ExpectedError } from "@/lib/errors";
import { refusalKey } from "@/lib/http/action-error";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";

const idSchema = z.uuid();
const str = (fd: FormData, k: string) => {
  const v = fd.get(k);
  return typeof v === "string" ? v.slice(0, 4000) : undefined;
};

/** Runs one case action and comes back to the case page with its outcome in the URL. */
async function run(
  fd: FormData,
  work: (db: Awaited<ReturnType<typeof getDb>>, caseId: string) => Promise<void>,
) {
  const locale = isLocale(fd.get("locale")) ? (fd.get("locale") as string) : DEFAULT_LOCALE;
  const caseId = idSchema.safeParse(fd.get("caseId"));
  if (!caseId.success) redirect(`/${locale}/moderation`);
  let outcome = "done=1";
  try {
    await work(await getDb(), caseId.data);
  } catch (error) {
    outcome = `error=${refusalKey(error)}`;
  }
  revalidatePath(`/${locale}/moderation/cases/${caseId.data}`);
  redirect(`/${locale}/moderation/cases/${caseId.data}?${outcome}`);
}

export async function transitionAction(fd: FormData) {
  await run(fd, async (db, caseId) => {
    const to = z.enum(CASE_STATUSES).parse(fd.get("to"));
    const survivorRef = str(fd, "survivorRef");
    const survivorId = survivorRef ? await caseIdByRef(db, Number(survivorRef)) : null;
    if (to === "duplicate" && survivorRef && !survivorId)
      throw new ExpectedError("transition_refused", { reason: "survivor_required" });
    await transitionCase(db, await actionActor(), {
      caseId,
      to,
      note: str(fd, "note"),
      survivorId,
      referral:
        to === "referred"
          ? {
              date: str(fd, "referralDate") ?? "",
              unit: str(fd, "referralUnit") ?? "",
              reference: str(fd, "referralReference") ?? "",
            }
          : null,
    });
  });
}

export async function assignAction(fd: FormData) {
  await run(fd, async (db, caseId) => {
    const actor = await actionActor();
    const target = str(fd, "assignee");
    const assigneeId =
      target === "me" ? (actor?.id ?? null) : target ? idSchema.parse(target) : null;
    await assignCases(db, actor, { caseIds: [caseId], assigneeId });
  });
}

export async function priorityAction(fd: FormData) {
  await run(fd, async (db, caseId) =>
    setPriority(db, await actionActor(), {
      caseIds: [caseId],
      priority: z.enum(PRIORITIES).parse(fd.get("priority")),
    }),
  );
}

export async function noteAction(fd: FormData) {
  await run(fd, async (db, caseId) =>
    addCaseNote(db, await actionActor(), { caseId, note: str(fd, "note") ?? "" }),
  );
}

export async function splitAction(fd: FormData) {
  await run(fd, async (db) => {
    await splitReport(db, await actionActor(), {
      reportId: idSchema.parse(fd.get("reportId")),
      note: str(fd, "note") ?? "",
    });
  });
}

export async function mergeAction(fd: FormData) {
  await run(fd, async (db, caseId) =>
    mergeCases(db, await actionActor(), {
      sourceId: idSchema.parse(fd.get("sourceId")),
      survivorId: caseId,
      note: str(fd, "note") ?? "",
    }),
  );
}

export type RevealState =
  | { ok: true; contact: { email?: string; phone?: string } | null }
  | { ok: false; reason: string }
  | null;

export async function revealAction(_prev: RevealState, fd: FormData): Promise<RevealState> {
  try {
    const contact = await revealContact(await getDb(), await actionActor(), {
      reportId: idSchema.parse(fd.get("reportId")),
      reason: str(fd, "reason") ?? "",
    });
    return { ok: true, contact };
  } catch (error) {
    return { ok: false, reason: error instanceof z.ZodError ? "invalid" : refusalKey(error) };
  }
}
