import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { createStaff, loadActor } from "@/lib/auth/staff";
import type { Role } from "@/lib/cases/workflow";
import type { Db } from "@/lib/db/connect";
import { reports } from "@/lib/db/schema";
import { submitReport } from "@/lib/reports/intake";
import { reportSchema } from "@/lib/reports/schema";
import { hashReceipt, parseReceipt } from "@/lib/text/receipt";

let n = 0;

export async function staff(db: Db, roles: Role[], password = "correct horse battery"): Promise<Actor & { password: string }> {
  const created = await createStaff(db, { email: `staff${++n}-${Date.now()}@test.iblagh.local`, roles, password });
  return { ...((await loadActor(db, created.id)) as Actor), password };
}

/** Submits a report through intake and returns its ids. */
export async function report(db: Db, patch: Record<string, unknown> = {}, opts: { now?: Date } = {}) {
  const input = reportSchema.parse({
    kind: "rumor",
    category: "security_rumor",
    description: `إشاعة عن حادث خطير في مدينة الرباط رقم ${++n} ${Math.random()}`,
    platform: "whatsapp",
    declaration: true,
    ...patch,
  });
  const res = await submitReport(db, input, { locale: "ar", now: opts.now });
  const [row] = await db.select({ id: reports.id, caseId: reports.caseId }).from(reports).where(eq(reports.receiptHash, hashReceipt(parseReceipt(res.receipt)!)));
  return { ...row, receipt: res.receipt };
}
