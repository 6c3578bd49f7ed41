// npm run audit:verify [-- --checkpoint ID:HASH ...] — walks the audit chain; exit 1 at the first
// event edited or removed. A checkpoint printed by an earlier run, kept outside the database,
// also proves that nothing up to it was removed since, even by someone able to rewrite the head.
import { parseArgs } from "node:util";
import { formatCheckpoint, parseCheckpoint, type Checkpoint } from "@/lib/audit/chain";
import { verifyAuditChain } from "@/lib/audit/log";
import { fail, openCliDb } from "./cli-db";

async function main() {
  const { values } = parseArgs({ options: { checkpoint: { type: "string", multiple: true } } });
  const checkpoints = (values.checkpoint ?? []).map(
    (text): Checkpoint =>
      parseCheckpoint(text) ?? fail(`Not a checkpoint (ID:SHA-256 in hex): ${text}`),
  );
  const conn = await openCliDb();
  try {
    const { checked, broken, head } = await verifyAuditChain(conn.db, { checkpoints });
    if (broken) {
      console.error(
        `Audit chain broken at event ${broken.id} (${broken.reason}); ${checked} events before it are intact.`,
      );
      process.exitCode = 1;
    } else {
      const given = checkpoints.length ? `, ${checkpoints.length} checkpoint(s) found` : "";
      console.log(`Audit chain intact: ${checked} events${given}.`);
      if (head) console.log(`Checkpoint to keep outside this database: ${formatCheckpoint(head)}`);
    }
  } finally {
    await conn.close();
  }
}

main().catch(fail);
