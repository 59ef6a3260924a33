import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{server,components,scripts,bench,content}/**/*.test.{ts,tsx}", "app/**/*.test.{ts,tsx}"],
    environment: "node",
    // Only a hang should meet these: a wrong answer fails at once. Sized for a two-core machine
    // that is busy with other work (a build, the end-to-end suite, a CPU burner), where PGlite
    // boots a WebAssembly PostgreSQL per test file and the random-table checks of
    // server/polls/suppression.test.ts took 42 s and 79 s (a few seconds on a quiet machine).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
