/**
 * The bench's knobs, read once from the environment. Defaults are the issue's protocol
 * (10 connections, 15 s after a warm-up); shorter runs are for trying the bench itself.
 */
import path from "node:path";
import { z } from "zod";

export type DatabaseKind = "pglite" | "postgres";

export interface BenchOptions {
  /** Seconds of measured load per target. */
  seconds: number;
  /** Seconds of unmeasured load per target first, so the JIT and caches are warm. */
  warmupSeconds: number;
  connections: number;
  /** Build folder, relative to the project (NEXT_DIST_DIR for next build and the server). */
  distDir: string;
  /** Reuse the build already in distDir instead of building again. */
  skipBuild: boolean;
  /** First port to use on 127.0.0.1 (app, then ceiling), or null to let the OS pick free ones. */
  basePort: number | null;
  databases: DatabaseKind[];
  /** A PostgreSQL URL the bench may CREATE DATABASE with; null: the local default server. */
  postgresUrl: string;
  postgresUrlGiven: boolean;
  /** Accept-Encoding of every request; null sends none (uncompressed answers). */
  acceptEncoding: string | null;
  /** Where temporary data folders and server logs go. */
  scratchDir: string | null;
}

const seconds = (fallback: number) => z.coerce.number().positive().max(3600).default(fallback);

const schema = z.object({
  BENCH_SECONDS: seconds(15),
  BENCH_WARMUP_SECONDS: z.coerce.number().min(0).max(600).default(5),
  BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(1000).default(10),
  BENCH_DIST_DIR: z.string().trim().default(""),
  NEXT_DIST_DIR: z.string().trim().default(""),
  BENCH_SKIP_BUILD: z.enum(["0", "1", ""]).default("0"),
  BENCH_PORT: z.union([z.literal(""), z.coerce.number().int().min(1024).max(65000)]).default(""),
  BENCH_DATABASES: z.string().default("pglite,postgres"),
  BENCH_DATABASE_URL: z.string().trim().default(""),
  BENCH_ACCEPT_ENCODING: z.string().trim().default(""),
  BENCH_SCRATCH_DIR: z.string().trim().default(""),
});

/**
 * What Chromium sends: readers' browsers always ask for a compressed page, and the custom server
 * keeps compressed copies of a static page, so this is the path readers take. "identity" (or
 * "none") sends no Accept-Encoding, as autocannon does by default, for uncompressed answers.
 */
export const browserAcceptEncoding = "gzip, deflate, br, zstd";

function acceptEncoding(value: string): string | null {
  if (value === "") return browserAcceptEncoding;
  return value === "identity" || value === "none" ? null : value;
}

const localPostgres = "postgres://postgres:postgres@127.0.0.1:5432/postgres";

export function readBenchOptions(env: Record<string, string | undefined> = process.env): BenchOptions {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid bench settings:\n  ${problems.join("\n  ")}`);
  }
  const raw = parsed.data;
  const databases = raw.BENCH_DATABASES.split(",").map((name) => name.trim()).filter(Boolean);
  for (const name of databases) {
    if (name !== "pglite" && name !== "postgres") {
      throw new Error(`Invalid bench settings:\n  BENCH_DATABASES: "${name}" is not pglite or postgres`);
    }
  }
  if (raw.BENCH_DATABASE_URL && !/^postgres(ql)?:\/\//i.test(raw.BENCH_DATABASE_URL)) {
    throw new Error("Invalid bench settings:\n  BENCH_DATABASE_URL: must be a postgres:// URL");
  }
  // Its own build folder by default, so a bench never overwrites (or reads) someone else's build.
  const distDir = raw.BENCH_DIST_DIR || raw.NEXT_DIST_DIR || ".next-bench";
  if (path.isAbsolute(distDir) || distDir.split(/[\\/]/).includes("..")) {
    throw new Error("Invalid bench settings:\n  BENCH_DIST_DIR: must be a folder inside the project");
  }
  return {
    seconds: raw.BENCH_SECONDS,
    warmupSeconds: raw.BENCH_WARMUP_SECONDS,
    connections: raw.BENCH_CONNECTIONS,
    distDir,
    skipBuild: raw.BENCH_SKIP_BUILD === "1",
    basePort: raw.BENCH_PORT === "" ? null : raw.BENCH_PORT,
    databases: [...new Set(databases)] as DatabaseKind[],
    postgresUrl: raw.BENCH_DATABASE_URL || localPostgres,
    postgresUrlGiven: raw.BENCH_DATABASE_URL !== "",
    acceptEncoding: acceptEncoding(raw.BENCH_ACCEPT_ENCODING),
    scratchDir: raw.BENCH_SCRATCH_DIR || null,
  };
}
