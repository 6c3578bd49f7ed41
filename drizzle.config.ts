import { defineConfig } from "drizzle-kit";

// Only used to generate SQL migrations from lib/db/schema.ts; migrations are applied in code
// (migrate() in lib/db/connect.ts) so that PGlite and Postgres run exactly the same files.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/index.ts",
  out: "./drizzle",
  casing: "snake_case",
});
