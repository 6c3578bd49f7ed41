// Applies the migrations in drizzle/ to the Postgres server at DATABASE_URL.
// The embedded database migrates itself inside the app process (never open it from here).
import { connectPostgres } from "@/lib/db/connect";
import { env } from "@/lib/env";

async function main() {
  if (!env.DATABASE_URL) {
    console.error(
      "DATABASE_URL is not set. The embedded database (PGlite) is migrated by the app itself when it starts.",
    );
    process.exit(1);
  }
  const conn = connectPostgres(env.DATABASE_URL, { max: 1 });
  try {
    await conn.migrate();
    console.log("Migrations applied.");
  } finally {
    await conn.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
