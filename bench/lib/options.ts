/**
 * The bench's knobs, read once from the environment. Defaults are the issue's protocol
 * (10 connections, 15 s after a warm-up); shorter runs are for trying the bench itself.
 */
import path from "node:path";
import { z } from "zod";

export type DatabaseKind = "pglite" | "postgres";
/** The groups of targets: the essay page (foundation issue), comments (issue 4), polls (issue 5). */
export const benchGroups = ["essay", "comments", "polls"] as const;
export type BenchGroup = (typeof benchGroups)[number];

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
  /** The groups of targets to run. */
  groups: BenchGroup[];
  /**
   * Only the targets whose label contains one of these (case-insensitive), e.g. "create,vote" for
   * the write loads alone; empty: every target of the chosen groups. Seeds still run.
   */
  targets: string[];
  /**
   * Size of the seeded data relative to the issues' (100,000 comments, 50,000 voters…): 0.05
   * tries the whole bench in a minute or two on a busy machine; the figures then say little.
   */
  scale: number;
  /** Connections of the mutation loads (comments.create, votes, ballots). */
  writeConnections: number;
  /** Open server-sent-event connections of the live target, and how many comments it times. */
  liveConnections: number;
  liveRounds: number;
  /**
   * Serve with the development server (`npm run dev`) instead of a production build: only for
   * trying the bench's own code while a production build fails; its figures mean nothing.
   */
  devServer: boolean;
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
  BENCH_ONLY: z.string().default(benchGroups.join(",")),
  BENCH_TARGETS: z.string().default(""),
  BENCH_SCALE: z.coerce.number().min(0.001).max(1).default(1),
  BENCH_WRITE_CONNECTIONS: z.coerce.number().int().min(1).max(1000).default(50),
  BENCH_LIVE_CONNECTIONS: z.coerce.number().int().min(1).max(5000).default(500),
  BENCH_LIVE_ROUNDS: z.coerce.number().int().min(1).max(100).default(10),
  BENCH_DEV_SERVER: z.enum(["0", "1", ""]).default("0"),
});

/**
 * Command-line flags, for the common cases: `npm run bench -- --only comments --db postgres
 * --scale 0.05`. Each stands for its variable (--only BENCH_ONLY, --db BENCH_DATABASES, --scale
 * BENCH_SCALE, --seconds BENCH_SECONDS) and wins over it.
 */
const flags: Record<string, string> = {
  "--only": "BENCH_ONLY",
  "--db": "BENCH_DATABASES",
  "--scale": "BENCH_SCALE",
  "--seconds": "BENCH_SECONDS",
  "--targets": "BENCH_TARGETS",
};

export function flagsToEnv(argv: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const variable = flags[name];
    if (!variable) throw new Error(`Invalid bench settings:\n  unknown flag ${arg} (known: ${Object.keys(flags).join(", ")})`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith("--")) throw new Error(`Invalid bench settings:\n  ${name} needs a value`);
    env[variable] = value;
  }
  return env;
}

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

function listOf<T extends string>(variable: string, value: string, allowed: readonly T[]): T[] {
  const names = value.split(",").map((name) => name.trim()).filter(Boolean);
  for (const name of names) {
    if (!allowed.includes(name as T)) {
      throw new Error(`Invalid bench settings:\n  ${variable}: "${name}" is not ${allowed.join(" or ")}`);
    }
  }
  if (names.length === 0) throw new Error(`Invalid bench settings:\n  ${variable}: empty`);
  return [...new Set(names)] as T[];
}

export function readBenchOptions(
  env: Record<string, string | undefined> = process.env,
  argv: readonly string[] = process.argv.slice(2),
): BenchOptions {
  const parsed = schema.safeParse({ ...env, ...flagsToEnv(argv) });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid bench settings:\n  ${problems.join("\n  ")}`);
  }
  const raw = parsed.data;
  const databases = listOf<DatabaseKind>("BENCH_DATABASES", raw.BENCH_DATABASES, ["pglite", "postgres"]);
  const groups = listOf<BenchGroup>("BENCH_ONLY", raw.BENCH_ONLY, benchGroups);
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
    databases,
    postgresUrl: raw.BENCH_DATABASE_URL || localPostgres,
    postgresUrlGiven: raw.BENCH_DATABASE_URL !== "",
    acceptEncoding: acceptEncoding(raw.BENCH_ACCEPT_ENCODING),
    scratchDir: raw.BENCH_SCRATCH_DIR || null,
    groups,
    targets: raw.BENCH_TARGETS.split(",").map((part) => part.trim().toLowerCase()).filter(Boolean),
    scale: raw.BENCH_SCALE,
    writeConnections: raw.BENCH_WRITE_CONNECTIONS,
    liveConnections: raw.BENCH_LIVE_CONNECTIONS,
    liveRounds: raw.BENCH_LIVE_ROUNDS,
    devServer: raw.BENCH_DEV_SERVER === "1",
  };
}
