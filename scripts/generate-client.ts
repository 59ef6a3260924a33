/**
 * Generates the Prisma client (postinstall).
 *
 * Prisma's CLI downloads a schema-engine binary before every command, even `generate`, which
 * needs none (the client uses the wasm query compiler). Where no engine binary is installed and
 * none can be downloaded, pointing PRISMA_SCHEMA_ENGINE_BINARY at a no-op lets `generate` run.
 * We only do that when no engine is present, so machines with a normal Prisma keep it.
 * Never use that variable for `migrate`: it makes migrate commands succeed without doing anything.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

function schemaEngineInstalled(): boolean {
  if (process.env.PRISMA_SCHEMA_ENGINE_BINARY) return true;
  try {
    const enginesDir = path.dirname(require.resolve("@prisma/engines/package.json"));
    return readdirSync(enginesDir).some((file) => file.startsWith("schema-engine"));
  } catch {
    return false;
  }
}

const env = { ...process.env };
if (!schemaEngineInstalled()) env.PRISMA_SCHEMA_ENGINE_BINARY = process.platform === "win32" ? "cmd" : "/bin/true";

const prismaBin = path.join("node_modules", ".bin", process.platform === "win32" ? "prisma.cmd" : "prisma");
if (!existsSync(prismaBin)) {
  // `npm ci --omit=dev`: the client must have been generated at build time.
  console.log("prisma CLI not installed; skipping client generation");
  process.exit(0);
}
execFileSync(prismaBin, ["generate"], { stdio: "inherit", env });
