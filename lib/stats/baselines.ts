import "server-only";
import { eq } from "drizzle-orm";
import { requireAdmin, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/connect";
import { statsBaselines, statsYearly } from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";
import { BASELINE_METRICS, type BaselineMetric } from "./figures";

/** An admin records a figure for a year before the platform, with its source. */
export async function setBaseline(
  db: Db,
  actorIn: Actor | null,
  input: { year: number; metric: BaselineMetric; value: number; source: string; note?: string },
) {
  const actor = requireAdmin(actorIn);
  if (
    !BASELINE_METRICS.includes(input.metric) ||
    !Number.isInteger(input.value) ||
    input.value < 0 ||
    !input.source.trim()
  )
    throw new ExpectedError("validation_failed");
  await db.transaction(async (tx) => {
    // A year with platform data shows computed figures: nobody can type over them.
    const [computed] = await tx
      .select({ year: statsYearly.year })
      .from(statsYearly)
      .where(eq(statsYearly.year, input.year))
      .limit(1);
    if (computed) throw new ExpectedError("conflict", { reason: "computed_year" });
    const row = {
      year: input.year,
      metric: input.metric,
      value: input.value,
      source: input.source.trim(),
      note: input.note?.trim() || null,
      createdBy: actor.id,
      createdAt: new Date(),
    };
    await tx
      .insert(statsBaselines)
      .values(row)
      .onConflictDoUpdate({ target: [statsBaselines.year, statsBaselines.metric], set: row });
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "stats.baseline",
      targetType: "year",
      targetId: String(input.year),
      details: { metric: input.metric, value: input.value, source: row.source },
    });
  });
}
