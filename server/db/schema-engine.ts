/**
 * Prisma's schema engine, driven directly as WebAssembly: the one tool that turns schema.prisma
 * into migration SQL and tells whether a database matches it.
 *
 * Why not the prisma CLI: every CLI command first downloads a native engine binary, which cannot
 * be fetched here (see docs/migrations.md). The wasm engine works offline against a PGlite database
 * through pglite-prisma-adapter. It is a dev dependency: only scripts and tests import this module,
 * never the running app.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { DiagnoseMigrationHistoryOutput, DiffTarget, MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

export const schemaPath = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

let loaded: Promise<typeof engineBindings> | null = null;

/**
 * The package's entry imports the .wasm file as an ES module, which Node 20 cannot do without a
 * flag; so instantiate it by hand, the way wasm-bindgen's generated entry would.
 */
function loadBindings(): Promise<typeof engineBindings> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const bindingsFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await fs.promises.readFile(path.join(path.dirname(bindingsFile), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": engineBindings as unknown as WebAssembly.ModuleImports,
    });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return engineBindings;
  })();
  return loaded;
}

export function readSchema(file = schemaPath): string {
  return fs.readFileSync(file, "utf8");
}

function datamodelTarget(schema: string): DiffTarget {
  return { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] };
}

/** Run `fn` with an engine connected to `pglite` (the database that `{ tag: "url" }` refers to). */
async function withEngine<T>(pglite: PGlite, schema: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const bindings = await loadBindings();
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite));
  const logs: string[] = [];
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    (line: string) => logs.push(line),
    adapterFactory,
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

const noFilters = { externalTables: [], externalEnums: [] };

/**
 * The SQL that would bring the database in `pglite` to `schema`, or "" when it already matches.
 * Prisma's own bookkeeping table (_prisma_migrations) is ignored by the engine.
 */
export async function diffDatabaseToSchema(pglite: PGlite, schema: string): Promise<string> {
  return withEngine(pglite, schema, async (engine) => {
    const result = await engine.diff({
      // "schemaDatasource" means: the live database behind the adapter (the engine no longer takes URLs).
      from: { tag: "schemaDatasource", files: [{ path: "schema.prisma", content: schema }], configDir: process.cwd() },
      to: datamodelTarget(schema),
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  });
}

/** The SQL that turns an empty database into `schema` (no database needed, but the engine wants an adapter). */
export async function sqlForSchemaFromEmpty(pglite: PGlite, schema: string): Promise<string> {
  return withEngine(pglite, schema, async (engine) => {
    const result = await engine.diff({
      from: { tag: "empty" },
      to: datamodelTarget(schema),
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  });
}

/** The migrations folder as the engine takes it (what the prisma CLI reads from disk). */
export function migrationList(migrationsDir: string): MigrationList {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const directories = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** What `prisma migrate deploy` does: apply the migrations its history table says are pending. */
export async function prismaApplyMigrations(pglite: PGlite, migrationsDir: string): Promise<string[]> {
  return withEngine(pglite, readSchema(), async (engine) => {
    const output = await engine.applyMigrations({ migrationsList: migrationList(migrationsDir), filters: noFilters });
    return output.appliedMigrationNames;
  });
}

/** Prisma's own reading of the history table against the folder (edited, failed, diverging). */
export async function prismaDiagnoseHistory(pglite: PGlite, migrationsDir: string): Promise<DiagnoseMigrationHistoryOutput> {
  return withEngine(pglite, readSchema(), (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList: migrationList(migrationsDir), optInToShadowDatabase: false, filters: noFilters }),
  );
}
