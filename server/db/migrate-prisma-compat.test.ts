/**
 * Our migrator and `prisma migrate deploy` must agree about what has been applied, so that a
 * deployment can switch between them. Prisma's side is its own schema engine (the wasm build of the
 * engine behind the CLI) reading the same _prisma_migrations table.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestPglite } from "@/server/test/database.ts";
import { defaultMigrationsDir, pgliteExecutor, readMigrations, runMigrations } from "./migrate.ts";
import { prismaApplyMigrations, prismaDiagnoseHistory } from "./schema-engine.ts";

let pglite: PGlite;

beforeEach(async () => {
  pglite = await createTestPglite({ migrated: false });
});

afterEach(async () => {
  await pglite.close();
});

describe("compatibility with prisma migrate deploy", () => {
  it("Prisma finds nothing to apply and no problem after our migrator ran", async () => {
    await runMigrations(pgliteExecutor(pglite));

    expect(await prismaApplyMigrations(pglite, defaultMigrationsDir)).toEqual([]);
    const diagnosis = await prismaDiagnoseHistory(pglite, defaultMigrationsDir);
    expect(diagnosis).toMatchObject({ editedMigrationNames: [], failedMigrationNames: [], hasMigrationsTable: true, history: null });
  });

  it("our migrator accepts a database that Prisma migrated", async () => {
    const all = (await readMigrations(defaultMigrationsDir)).map((migration) => migration.name);
    expect(await prismaApplyMigrations(pglite, defaultMigrationsDir)).toEqual(all);

    expect(await runMigrations(pgliteExecutor(pglite))).toEqual({ applied: [], alreadyApplied: all });
  });

  it("Prisma sees a migration edited after our migrator applied it, as we do", async () => {
    const migrationsDir = fs.mkdtempSync(path.join(os.tmpdir(), "tuiquan-compat-"));
    try {
      fs.mkdirSync(path.join(migrationsDir, "20240101000000_create_note"));
      const file = path.join(migrationsDir, "20240101000000_create_note", "migration.sql");
      fs.writeFileSync(file, `CREATE TABLE "Note" ("id" SERIAL PRIMARY KEY);\n`);
      await runMigrations(pgliteExecutor(pglite), { migrationsDir });
      fs.writeFileSync(file, `CREATE TABLE "Note" ("id" BIGSERIAL PRIMARY KEY);\n`);

      const diagnosis = await prismaDiagnoseHistory(pglite, migrationsDir);

      expect(diagnosis.editedMigrationNames).toEqual(["20240101000000_create_note"]);
      await expect(runMigrations(pgliteExecutor(pglite), { migrationsDir })).rejects.toThrow(/20240101000000_create_note was changed/);
    } finally {
      fs.rmSync(migrationsDir, { recursive: true, force: true });
    }
  });
});
