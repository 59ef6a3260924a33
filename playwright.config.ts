/**
 * End-to-end tests: a production build of the app, started by its own start script, in the
 * system's Chromium. Run them with `npm run test:e2e` (see docs/testing.md).
 */
import { defineConfig } from "@playwright/test";
import { chromiumArgs, findChromium } from "./e2e/fixtures/chromium.ts";
import { budgets, e2eBaseUrl, viewports } from "./e2e/fixtures/settings.ts";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  globalSetup: "./e2e/global-setup.ts",
  // One app serves every test: two workers keep both cores busy without starving the server.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // A test that passes only on a second try is a flaky test: it fails the run, in CI and here.
  retries: 0,
  failOnFlakyTests: true,
  // Budgets for a busy two-core machine, E2E_TIME_SCALE for a slower one (e2e/fixtures/settings.ts).
  timeout: budgets.test,
  expect: { timeout: budgets.expect },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: e2eBaseUrl,
    browserName: "chromium",
    // Global setup fails with installation advice when no Chromium is found.
    launchOptions: { executablePath: findChromium() ?? undefined, args: chromiumArgs },
    viewport: viewports.desktop,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
});
