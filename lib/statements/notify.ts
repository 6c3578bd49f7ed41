import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import type { Executor } from "@/lib/db/connect";
import { getSecrets } from "@/lib/security/secrets";

// One truth across instances: a publication, an amendment or a withdrawal is announced on a
// PostgreSQL channel inside its own transaction (delivered at commit, never for a rollback),
// and every instance listening revalidates its public pages at once. No new component: the
// database the instances already share carries the message.

export const STATEMENTS_CHANNEL = "iblagh_statements";

/** Inside the statement's transaction: every instance hears it when (and if) it commits. */
export async function announceStatementChange(tx: Executor, slug: string | null | undefined) {
  await tx.execute(sql`select pg_notify(${STATEMENTS_CHANNEL}, ${slug ?? ""})`);
}

/**
 * Next revalidates from a request's context only, so the listener asks its own instance over
 * loopback; the route checks this token, derived from the instance's auth secret (the same on
 * every instance of a deployment, never sent anywhere else).
 */
export const revalidateToken = () =>
  createHmac("sha256", getSecrets().authSecret).update("iblagh:revalidate").digest("base64url");

export function isRevalidateToken(given: string | null): boolean {
  const want = Buffer.from(revalidateToken());
  const got = Buffer.from(given ?? "");
  return got.length === want.length && timingSafeEqual(got, want);
}

/**
 * Listens on the channel with a connection of its own (LISTEN needs a session, not a pool),
 * reconnecting with backoff after a restart of the server. Returns a stop function.
 */
export function listenForStatementChanges(
  connectionString: string,
  onChange: (slug: string | null) => void,
) {
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = 500;
  let connectedBefore = false;
  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString, application_name: "iblagh-listen" });
    client = c;
    const retry = () => {
      if (stopped || client !== c) return;
      client = null;
      c.removeAllListeners();
      void c.end().catch(() => {});
      setTimeout(connect, delay).unref();
      delay = Math.min(delay * 2, 30_000);
    };
    c.on("error", retry);
    c.on("end", retry);
    c.on("notification", (m) => {
      if (m.channel === STATEMENTS_CHANNEL) onChange(m.payload || null);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${STATEMENTS_CHANNEL}`);
      delay = 500;
      // What changed while the connection was down is not replayed: revalidate everything.
      if (connectedBefore) onChange(null);
      connectedBefore = true;
    } catch {
      retry();
    }
  };
  void connect();
  return () => {
    stopped = true;
    void client?.end().catch(() => {});
  };
}
