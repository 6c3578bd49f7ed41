import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/connect";
import { cases } from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";

// Every command on a case locks its row first: two moderators acting at once are serialised.

export async function lockCase(tx: Tx, id: string) {
  const [c] = await tx.select().from(cases).where(eq(cases.id, id)).for("update");
  if (!c) throw new ExpectedError("not_found");
  return c;
}
