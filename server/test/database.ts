/**
 * A fresh, migrated database per test: in-memory PGlite by default, or a new database on a real
 * PostgreSQL server when TEST_DATABASE_URL is set (postgres://user:pass@host:5432/anydb).
 *
 * A new PGlite runs initdb, which costs seconds; starting one from the tarball of a ready data
 * folder costs a fraction. So the first test process migrates a template, dumps its data folder
 * into the temp folder (keyed by the migrations and the PGlite version, shared by later processes
 * and runs), and every test database starts from that dump.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/server/db/generated/client.ts";
import { openDatabase, isPostgresUrl, type Db, type DatabaseTarget } from "@/server/db/client.ts";
import { defaultMigrationsDir, pgliteExecutor, readMigrations, runMigrations } from "@/server/db/migrate.ts";

export interface TestDatabase {
  db: Db;
  /** The raw PGlite when embedded (null on PostgreSQL). */
  pglite: PGlite | null;
  target: DatabaseTarget;
  close(): Promise<void>;
}

/**
 * A fresh database with every migration applied. Pre-moderation of new accounts' first comments
 * (on by default on a real site, docs/moderation.md) is turned off: nearly every test writes
 * comments as brand-new accounts and is about something else. Tests of moderation turn it on
 * (server/moderation/testing/moderation-fixture.ts).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = await createDatabase({ migrated: true });
  await database.db.$executeRaw`UPDATE "SiteSetting" SET "premoderateFirstN" = 0`;
  return database;
}

export interface UseTestDatabaseOptions {
  /** Data every test of the block reads (an essay, polls…), written once before the first. */
  setup?: (db: Db) => Promise<unknown>;
  /** For a long setup (the bench seeds); Vitest's hook timeout otherwise. */
  timeoutMs?: number;
}

/**
 * One migrated database shared by the tests of a file (or of the describe block it is called in):
 * created before the first of them, set up, and closed after the last. Returns a getter because
 * the database only exists once beforeAll has run: `const database = useTestDatabase();`, then
 * `database().db` inside tests and hooks.
 */
export function useTestDatabase(options: UseTestDatabaseOptions = {}): () => TestDatabase {
  let database: TestDatabase | null = null;
  beforeAll(async () => {
    database = await createTestDatabase();
    await options.setup?.(database.db);
  }, options.timeoutMs);
  afterAll(async () => {
    await database?.close();
    database = null;
  });
  return () => {
    if (!database) throw new Error("useTestDatabase: the database exists only while the tests run (after beforeAll)");
    return database;
  };
}

/** A fresh database with no tables at all (for testing migrations themselves). */
export function createEmptyTestDatabase(): Promise<TestDatabase> {
  return createDatabase({ migrated: false });
}

/**
 * An in-memory PGlite even when TEST_DATABASE_URL is set, for what only works on PGlite (Prisma's
 * wasm schema engine cannot introspect PostgreSQL 15): migrated or empty, closed by the caller.
 */
export async function createTestPglite(options: { migrated: boolean }): Promise<PGlite> {
  const pglite = new PGlite({ loadDataDir: await templateDump(options.migrated ? "migrated" : "empty") });
  await pglite.waitReady;
  return pglite;
}

async function createDatabase(options: { migrated: boolean }): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    if (!isPostgresUrl(serverUrl)) throw new Error("TEST_DATABASE_URL must be a postgres:// URL.");
    return createPostgresTestDatabase(serverUrl, options);
  }
  const pglite = await createTestPglite(options);
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    db,
    pglite,
    target: { kind: "pglite", dataDir: null },
    async close() {
      await db.$disconnect();
      await pglite.close();
    },
  };
}

type Template = "migrated" | "empty";
const templates = new Map<Template, Promise<Blob>>();

/** The data folder of a booted (and, for "migrated", migrated) PGlite, as a tarball. */
function templateDump(kind: Template): Promise<Blob> {
  let dump = templates.get(kind);
  if (!dump) {
    dump = loadOrBuildDump(kind);
    templates.set(kind, dump);
  }
  return dump;
}

async function loadOrBuildDump(kind: Template): Promise<Blob> {
  const dumpFile = await templateDumpPath(kind);
  if (fs.existsSync(dumpFile)) {
    const cached = await fs.openAsBlob(dumpFile).catch(() => null);
    if (cached && cached.size > 0) return cached;
  }
  const pglite = new PGlite();
  try {
    if (kind === "migrated") await runMigrations(pgliteExecutor(pglite), { migrationsDir: defaultMigrationsDir });
    else await pglite.waitReady;
    const dump = await pglite.dumpDataDir("none");
    // Written aside then renamed, so a parallel test process never reads half a file.
    const partial = `${dumpFile}.${process.pid}.${randomBytes(4).toString("hex")}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, dumpFile);
    removeOtherDumps(kind, dumpFile);
    return dump;
  } finally {
    await pglite.close();
  }
}

const dumpPrefix = "tuiquan-test-db-";

/** Dumps of older migrations are 40 MB each and never used again. */
function removeOtherDumps(kind: Template, current: string): void {
  for (const name of fs.readdirSync(path.dirname(current))) {
    if (name.startsWith(`${dumpPrefix}${kind}-`) && name.endsWith(".tar") && name !== path.basename(current)) {
      fs.rmSync(path.join(path.dirname(current), name), { force: true });
    }
  }
}

/** Keyed by the PGlite version (data folders are not portable across versions) and the migrations. */
async function templateDumpPath(kind: Template): Promise<string> {
  // The package does not export its package.json: find it above its entry file.
  const pgliteEntry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const packageJson = path.join(pgliteEntry.slice(0, pgliteEntry.lastIndexOf("/dist/")), "package.json");
  const pgliteVersion = (JSON.parse(fs.readFileSync(packageJson, "utf8")) as { version: string }).version;
  const hash = createHash("sha256").update(pgliteVersion);
  if (kind === "migrated") {
    for (const migration of await readMigrations(defaultMigrationsDir)) hash.update(migration.name).update(migration.checksum);
  }
  return path.join(os.tmpdir(), `${dumpPrefix}${kind}-${hash.digest("hex").slice(0, 16)}.tar`);
}

async function createPostgresTestDatabase(serverUrl: string, options: { migrated: boolean }): Promise<TestDatabase> {
  const name = `tuiquan_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = { kind: "postgres", url: url.toString() };
  const opened = await openDatabase(target);
  const dropDatabase = async () => {
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    try {
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await dropper.end();
    }
  };
  try {
    if (options.migrated) await runMigrations(opened, { migrationsDir: defaultMigrationsDir });
  } catch (error) {
    await opened.close();
    await dropDatabase();
    throw error;
  }
  return {
    db: opened.db,
    pglite: null,
    target,
    async close() {
      await opened.close();
      await dropDatabase();
    },
  };
}
