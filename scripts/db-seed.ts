// npm run db:seed -- --demo : loads the demo content into an empty Postgres database.
import { connectPostgres } from "@/lib/db/connect";
import { seedDemoStaff, seedIfEmpty } from "@/lib/demo/seed";
import { env } from "@/lib/env";

async function main() {
  if (!process.argv.includes("--demo")) {
    console.error("Usage: npm run db:seed -- --demo");
    process.exit(2);
  }
  if (!env.DATABASE_URL) {
    console.error(
      "DATABASE_URL is not set. An empty embedded database is seeded by the app on start (SEED=none to opt out).",
    );
    process.exit(1);
  }
  const conn = connectPostgres(env.DATABASE_URL, { max: 1 });
  try {
    await conn.migrate();
    if (await seedIfEmpty(conn.db)) console.log("Demo content and demo staff accounts loaded.");
    else {
      await seedDemoStaff(conn.db);
      console.log("The database already has reports: only missing demo staff accounts were added.");
    }
  } finally {
    await conn.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
