import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM } from "./scripts/bench/common";

// Two instances of the production build on one PostgreSQL database (E2E_DATABASE_URL, migrated
// and seeded by scripts/instances.sh): what one does, the other shows (lib/statements/notify.ts).
const url = process.env.E2E_DATABASE_URL;
if (!url) throw new Error("E2E_DATABASE_URL: run through scripts/instances.sh");
export const INSTANCE_PORTS = [3201, 3202] as const;
const env = {
  DATABASE_URL: url,
  AUTH_SECRET: process.env.AUTH_SECRET ?? "instances-e2e-secret-instances-e2e-secret",
  ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? "",
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  RATE_LIMIT_REPORTS: "0",
};

export default defineConfig({
  testDir: "e2e/instances",
  timeout: 120_000,
  workers: 1,
  reporter: [
    ["list"],
    ...(process.env.CI_REPORT_DIR
      ? [["json", { outputFile: `${process.env.CI_REPORT_DIR}/instances.json` }] as const]
      : []),
  ],
  use: { trace: "retain-on-failure", launchOptions: CHROMIUM },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], locale: "ar-MA" } }],
  webServer: INSTANCE_PORTS.map((port) => ({
    command: `sh scripts/start.sh -p ${port}`,
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  })),
});
