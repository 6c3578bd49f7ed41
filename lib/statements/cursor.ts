// The statements list's page cursor: the last item's publication time and id, opaque to callers.
// A cursor comes from the query string, so anything may arrive: what PostgreSQL would refuse
// (a date JavaScript accepts but a timestamptz does not, such as year +275760) is no cursor.

import { isUuid } from "@/lib/validation";

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

export const encodeCursor = (publishedAt: Date, id: string) =>
  Buffer.from(JSON.stringify([publishedAt.toISOString(), id])).toString("base64url");

export function decodeCursor(c?: string): [Date, string] | null {
  if (!c) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(c, "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== "string" || typeof v[1] !== "string")
      return null;
    const at = Date.parse(v[0]);
    if (Number.isNaN(at) || at < EARLIEST || at > LATEST) return null;
    return isUuid(v[1]) ? [new Date(at), v[1]] : null;
  } catch {
    return null;
  }
}
