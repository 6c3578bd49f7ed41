import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM } from "./scripts/bench/common";

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  // Two instances on a server database: playwright.instances.config.ts (scripts/instances.sh).
  testIgnore: "instances/**",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ["list"],
    ...(process.env.CI_REPORT_DIR
      ? [["json", { outputFile: `${process.env.CI_REPORT_DIR}/playwright.json` }] as const]
      : []),
    ...(process.env.CI ? [] : [["html", { open: "never" }] as const]),
  ],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    // Debian's Chromium when installed: Playwright cannot download its own here.
    launchOptions: CHROMIUM,
  },
  projects: [
    // A phone-sized Chromium: the citizen's usual device.
    { name: "mobile", use: { ...devices["Pixel 5"], locale: "ar-MA" } },
  ],
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: `http://localhost:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    env: { E2E_PORT: String(PORT) },
    stdout: "pipe",
    stderr: "pipe",
  },
});
