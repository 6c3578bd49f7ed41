import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/connect";
import { wakeMailWorker } from "./wake";

/** A case closed: its reporters who asked are told (drizzle/functions/iblagh_queue_outcomes.sql). */
export async function queueOutcomes(tx: Executor, caseId: string): Promise<void> {
  const { rows } = await tx.execute(sql`select iblagh_queue_outcomes(${caseId}) as n`);
  if ((rows[0] as { n: number }).n > 0) wakeMailWorker();
}
