import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/connect";
import { staffUsers } from "@/lib/db/schema";
import { requireActor, type Actor } from "./actor";

/**
 * A member's own choice to see rumour cases' pictures without the blur (violent content always
 * starts blurred). Audited: what a moderator chose to be shown is part of the record.
 */
export async function setUnblurRumorImages(db: Db, actor: Actor | null, on: boolean) {
  const a = requireActor(actor);
  await db.transaction(async (tx) => {
    await tx.update(staffUsers).set({ unblurRumorImages: on }).where(eq(staffUsers.id, a.id));
    await recordAudit(tx, {
      actorId: a.id,
      actorEmail: a.email,
      action: "staff.preferences",
      targetType: "staff",
      targetId: a.id,
      details: { unblurRumorImages: on },
    });
  });
}
