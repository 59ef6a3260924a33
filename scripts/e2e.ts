/**
 * `npm run test:e2e [-- playwright options]`: the end-to-end tests. Playwright's global setup
 * (e2e/global-setup.ts) starts the SMTP server and the app and stops them afterwards; this entry
 * point checks for a browser first, so that a missing Chromium gets advice instead of a stack.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { findChromium, missingChromiumMessage } from "../e2e/fixtures/chromium.ts";
import { rootDir } from "../e2e/fixtures/settings.ts";

if (!findChromium()) {
  console.error(missingChromiumMessage());
  process.exit(1);
}

const playwrightCli = createRequire(import.meta.url).resolve("@playwright/test/cli");
const child = spawn(process.execPath, [playwrightCli, "test", ...process.argv.slice(2)], {
  cwd: rootDir,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
