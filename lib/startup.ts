import { getConnection } from "@/lib/db/client";
import { seedIfEmpty } from "@/lib/demo/seed";
import { maintenanceWarnings, serverSettings } from "@/lib/db/maintenance";
import { env } from "@/lib/env";
import { installLogRedaction } from "@/lib/http/log-error";

// Open the database, migrate and seed before the first visitor arrives, and stop the start
// with its reason when the configuration cannot work.
export async function startUp() {
  // Before anything can fail: no report text reaches the log, whoever logs the error.
  installLogRedaction();
  if (env.NEXT_PHASE === "phase-production-build") return;
  if (env.NODE_ENV === "production" && !env.PUBLIC_URL) {
    console.warn(
      "[iblagh] warning: PUBLIC_URL is not set: feeds and the sitemap take each request's own address, and statement pages carry no share image or canonical link. Set it to the site's public address.",
    );
  }
  try {
    const started = Date.now();
    const conn = await getConnection();
    // Demo content: an empty embedded database on its first start (before the first visitor:
    // instrumentation awaits this); a server database only on request (npm run db:seed).
    if (conn.engine === "pglite" && env.SEED === "demo") await seedIfEmpty(conn.db);
    console.log(`[iblagh] database ready (${conn.engine}) in ${Date.now() - started} ms`);
    // Messages to reporters who asked to be told (lib/mail): SMTP_URL, or .eml files.
    const { startMailWorker } = await import("@/lib/mail/worker");
    startMailWorker(conn.db);
    // Overdue cases raised and the publishers told (lib/cases/escalation.ts).
    const { startEscalation } = await import("@/lib/cases/escalation");
    startEscalation(conn.db);
    // Statements changed by another instance revalidate this one's pages (lib/statements/notify.ts).
    // One embedded process is the only instance: its own actions revalidate.
    if (conn.engine === "postgres" && env.DATABASE_URL) {
      const { listenForStatementChanges, revalidateToken } =
        await import("@/lib/statements/notify");
      const token = revalidateToken();
      listenForStatementChanges(env.DATABASE_URL, (slug) => {
        void fetch(`http://127.0.0.1:${env.PORT}/api/internal/revalidate`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-iblagh-revalidate": token },
          body: JSON.stringify({ slug }),
        }).catch((error) =>
          console.error("[iblagh] revalidate:", error instanceof Error ? error.name : "error"),
        );
      });
    }
    // Embedded mode maintains itself (lib/db/maintenance.ts); a server is the operator's to set up.
    if (conn.engine === "postgres") {
      for (const w of maintenanceWarnings(await serverSettings(conn.db)))
        console.warn(`[iblagh] warning: ${w}`);
    }
  } catch (error) {
    if (error instanceof Error && error.name === "ConfigError") {
      console.error(`[iblagh] ${error.message}`);
      process.exit(1);
    }
    // A database server may still be starting; /api/health answers 503 until it is reachable.
    console.error("[iblagh] database not ready:", error instanceof Error ? error.message : error);
  }
}
