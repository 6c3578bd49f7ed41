import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // The marker package throws outside React Server Components; tests run services directly.
  "server-only": path.resolve(import.meta.dirname, "lib/testing/empty.ts"),
};

// Fixed secrets for tests, so the suite also runs with DATABASE_URL (where they are required).
const testEnv = {
  AUTH_SECRET: "test-auth-secret-0123456789abcdef0123456789",
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  DATA_DIR: ".data/test",
};

// CI collects a JSON report per run to print one closing count (scripts/test-summary.mjs).
const reportDir = process.env.CI_REPORT_DIR;

export default defineConfig({
  test: {
    reporters: reportDir ? ["default", "json"] : ["default"],
    outputFile: reportDir
      ? {
          json: `${reportDir}/vitest-${process.env.DATABASE_URL ? "postgres" : "pglite"}-${Date.now()}.json`,
        }
      : undefined,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"],
          exclude: ["**/*.db.test.ts"],
          environment: "node",
          env: testEnv,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db",
          include: ["lib/**/*.db.test.ts", "app/**/*.db.test.ts"],
          environment: "node",
          env: testEnv,
          globalSetup: ["lib/testing/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
