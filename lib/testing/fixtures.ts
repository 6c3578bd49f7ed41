import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { createStaff, loadActor } from "@/lib/auth/staff";
import type { Role } from "@/lib/cases/workflow";
import type { Db, Executor } from "@/lib/db/connect";
import { reports, type StatementContent } from "@/lib/db/schema";
import {
  createStatementDraft,
  publishStatement,
  submitStatement,
  updateStatement,
} from "@/lib/statements/lifecycle";
import type { StatementType } from "@/lib/statements/schema";
import { storeReport } from "@/lib/reports/store";
import { reportSchema } from "@/lib/reports/schema";
import { hashReceipt, parseReceipt } from "@/lib/text/receipt";

let n = 0;

/** The report a receipt was given for (only its hash is stored), with its case. */
export async function reportOfReceipt(db: Executor, receipt: string) {
  const [row] = await db
    .select({ id: reports.id, caseId: reports.caseId })
    .from(reports)
    .where(eq(reports.receiptHash, hashReceipt(parseReceipt(receipt)!)));
  return row;
}

export async function staff(
  db: Db,
  roles: Role[],
  password = "correct horse battery",
): Promise<Actor & { password: string }> {
  const created = await createStaff(db, {
    email: `staff${++n}-${Date.now()}@test.iblagh.local`,
    roles,
    password,
  });
  return { ...((await loadActor(db, created.id)) as Actor), password };
}

/** Submits a report through intake and returns its ids. */
export async function report(
  db: Db,
  patch: Record<string, unknown> = {},
  opts: { now?: Date } = {},
) {
  const input = reportSchema.parse({
    kind: "rumor",
    category: "security_rumor",
    description: `إشاعة عن حادث خطير في مدينة الرباط رقم ${++n} ${Math.random()}`,
    platform: "whatsapp",
    declaration: true,
    ...patch,
  });
  const res = await storeReport(db, input, { locale: "ar", now: opts.now });
  return { ...(await reportOfReceipt(db, res.receipt)), receipt: res.receipt };
}

/**
 * `n` more copies of a case's one forwarded message, with its MinHash bands, written in one
 * statement: a message reported thousands of times, without thousands of intake calls. Each copy
 * gets bands, as before drizzle/0012 (intake now stores them once per case): the worst case for
 * the bounded band reads, and what databases older than 0012 hold.
 */
export async function copyReports(db: Db, caseId: string, n: number) {
  await db.execute(sql`
    with src as (select * from reports where case_id = ${caseId}),
    copies as (
      insert into reports (id, receipt_hash, kind, category, platform, description, description_norm, locale, case_id, submitted_at)
      select gen_random_uuid(), md5(random()::text) || md5(random()::text), kind, category, platform, description, description_norm, locale, case_id, submitted_at
      from src, generate_series(1, ${n})
      returning id)
    insert into report_text_bands (band_key, report_id)
    select b.band_key, c.id from copies c, report_text_bands b where b.report_id = (select id from src)`);
}

/** The reports of a case that carry its texts' MinHash band rows (one per text since drizzle/0012). */
export async function textCarriersOf(db: Executor, caseId: string): Promise<string[]> {
  const result = await db.execute(
    sql`select distinct b.report_id as id from report_text_bands b join reports r on r.id = b.report_id where r.case_id = ${caseId}`,
  );
  return (result.rows as { id: string }[]).map((r) => r.id).sort();
}

/**
 * A statement published on a case the way staff publish one: drafted and submitted by a
 * moderator, approved by a publisher (another person). Arabic text unless given.
 */
export async function publishedStatement(
  db: Db,
  by: { mod: Actor; pub: Actor },
  caseId: string,
  opts: { type?: StatementType; content?: StatementContent; at?: Date } = {},
): Promise<{ id: string; slug: string }> {
  const id = await createStatementDraft(db, by.mod, { caseId, type: opts.type ?? "denial" });
  const ar = {
    title: "بيان",
    summary: "لا صحة لما يروج.",
    body: "**لا صحة** لما يروج.",
    claimReviewed: "إشاعة",
    verdict: "خبر زائف",
  };
  await updateStatement(db, by.mod, { id, content: opts.content ?? { ar }, appearances: [] });
  await submitStatement(db, by.mod, { id });
  const { slug } = await publishStatement(db, by.pub, { id }, opts.at);
  return { id, slug };
}
