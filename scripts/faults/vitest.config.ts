/**
 * Fault tests that need more than the default suite may assume: a PostgreSQL installation whose
 * server this test starts, restarts and stops itself. Run by the PostgreSQL CI run:
 *   npx vitest run --config scripts/faults/vitest.config.ts
 */
import path from "node:path";
import { defineConfig } from "vitest/config";
import base from "../../vitest.config.ts";

export default defineConfig({
  ...base,
  root: path.resolve(import.meta.dirname, "../.."),
  // Only the fault tests (mergeConfig would append to the default suite's include list).
  test: { ...base.test, include: ["scripts/faults/**/*.fault.ts"], testTimeout: 15 * 60_000 },
});
