// npm run audit:verify — walks the audit chain; exit 1 at the first row that was edited or removed.
import { verifyAuditChain } from "@/lib/audit/log";
import { fail, openCliDb } from "./cli-db";

async function main() {
  const conn = await openCliDb();
  try {
    const { checked, broken } = await verifyAuditChain(conn.db);
    if (broken) {
      console.error(`Audit chain broken at event ${broken.id} (${broken.reason}); ${checked} events before it are intact.`);
      process.exitCode = 1;
    } else {
      console.log(`Audit chain intact: ${checked} events.`);
    }
  } finally {
    await conn.close();
  }
}

main().catch(fail);
