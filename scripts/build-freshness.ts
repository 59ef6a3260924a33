/**
 * Whether the production build in the dist folder was made from the sources as they are now.
 *
 * A build records a hash of its inputs (sources, configuration, messages, content and the
 * lockfile: paths and bytes) next to itself; `npm start` rebuilds when the hash differs or the
 * build is missing. Content hashes rather than modification times, so a fresh clone or a
 * `touch` does not force a rebuild and an edit never goes unnoticed.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Folders whose files go into the build (tests excluded: they are not part of it). */
const inputDirs = ["app", "components", "server", "messages", "content", "public", "prisma"];
const inputFiles = ["next.config.ts", "package.json", "package-lock.json", "tsconfig.json", "postcss.config.mjs", "prisma.config.ts"];
const ignored = /(^|\/)(node_modules|\.next[^/]*|\.data|\.test-data)(\/|$)|\.test\.tsx?$/;

export const buildStampFile = "tuiquan-build-inputs.json";

export function distDirOf(projectDir: string): string {
  return path.resolve(projectDir, process.env.NEXT_DIST_DIR || ".next");
}

export function hashBuildInputs(projectDir: string): string {
  const files: string[] = [];
  const walk = (relative: string) => {
    const absolute = path.join(projectDir, relative);
    if (!existsSync(absolute)) return;
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (ignored.test(child)) continue;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.push(child);
    }
  };
  inputDirs.forEach(walk);
  for (const file of inputFiles) if (existsSync(path.join(projectDir, file))) files.push(file);

  const hash = createHash("sha256");
  for (const file of files.sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(projectDir, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Null when the build is fresh, else why it must be (re)built. */
export function staleBuildReason(projectDir: string, inputsHash: string): string | null {
  const distDir = distDirOf(projectDir);
  if (!existsSync(path.join(distDir, "BUILD_ID"))) return `no production build in ${path.relative(projectDir, distDir) || "."}`;
  let recorded: string | null = null;
  try {
    recorded = (JSON.parse(readFileSync(path.join(distDir, buildStampFile), "utf8")) as { inputs?: string }).inputs ?? null;
  } catch {
    return "the build has no record of its sources";
  }
  return recorded === inputsHash ? null : "sources changed since the last build";
}

export function recordBuildInputs(projectDir: string, inputsHash: string): void {
  writeFileSync(path.join(distDirOf(projectDir), buildStampFile), JSON.stringify({ inputs: inputsHash, builtAt: new Date().toISOString() }));
}
