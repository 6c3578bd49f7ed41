import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/connect";
import { statements, type StatementContent } from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";
import { normalizeText } from "@/lib/text/normalize";
import { isUuid } from "@/lib/validation";

export async function lockStatement(tx: Tx, id: string) {
  if (!isUuid(id)) throw new ExpectedError("not_found");
  const [s] = await tx.select().from(statements).where(eq(statements.id, id)).for("update");
  if (!s) throw new ExpectedError("not_found");
  return s;
}

export const refuse = (reason: string) => new ExpectedError("transition_refused", { reason });

export function searchTextOf(content: StatementContent): string {
  return normalizeText(
    Object.values(content)
      .filter(Boolean)
      .flatMap((c) => [c!.title, c!.summary, c!.claimReviewed, c!.body])
      .join(" "),
  );
}
