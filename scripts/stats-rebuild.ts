// npm run stats:rebuild — recomputes the yearly roll-up from the data (after a bulk load or an
// import). In embedded mode, stop the app first.
import { env } from "@/lib/env";
import { rebuildRollup } from "@/lib/stats/rebuild";
import { fail, openCliDb } from "./cli-db";

async function main() {
  const conn = await openCliDb();
  try {
    await rebuildRollup(conn.db, env.STATS_TIMEZONE);
    console.log("Roll-up rebuilt.");
  } finally {
    await conn.close();
  }
}

main().catch(fail);
