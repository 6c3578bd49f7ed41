import "server-only";
import { and, desc, eq, gte, lt, lte, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/lib/db/connect";
import { auditEvents } from "@/lib/db/schema";
import { AUDIT_ACTIONS } from "./log";

const blank = (v: unknown) => (v === "" ? undefined : v);
export const auditFilterSchema = z.object({
  action: z.preprocess(blank, z.enum(AUDIT_ACTIONS).optional()).catch(undefined),
  actor: z.preprocess(blank, z.string().max(254).optional()).catch(undefined),
  from: z.preprocess(blank, z.iso.date().optional()).catch(undefined),
  to: z.preprocess(blank, z.iso.date().optional()).catch(undefined),
  before: z.preprocess(blank, z.coerce.number().int().positive().optional()).catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Newest first, keyset on id. */
export async function listAudit(db: Executor, f: AuditFilter, limit = 100) {
  const where: (SQL | undefined)[] = [
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.actor ? eq(auditEvents.actorEmail, f.actor.trim().toLowerCase()) : undefined,
    f.from ? gte(auditEvents.at, new Date(`${f.from}T00:00:00Z`)) : undefined,
    f.to ? lte(auditEvents.at, new Date(`${f.to}T23:59:59.999Z`)) : undefined,
    f.before ? lt(auditEvents.id, f.before) : undefined,
  ];
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  return {
    rows: rows.slice(0, limit),
    nextBefore: rows.length > limit ? rows[limit - 1].id : null,
  };
}
