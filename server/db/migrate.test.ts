import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEmptyTestDatabase, type TestDatabase } from "@/server/test/database.ts";
import { checksumMatches, managesOwnTransaction, MigrationError, migrationChecksum, runMigrations } from "./migrate.ts";

let database: TestDatabase;
let migrationsDir: string;

function writeMigration(name: string, sql: string) {
  fs.mkdirSync(path.join(migrationsDir, name), { recursive: true });
  fs.writeFileSync(path.join(migrationsDir, name, "migration.sql"), sql);
}

const createNote = `CREATE TABLE "Note" ("id" SERIAL PRIMARY KEY, "body" TEXT NOT NULL);\n`;
const addNoteAuthor = `ALTER TABLE "Note" ADD COLUMN "author" TEXT NOT NULL DEFAULT '佚名';\n`;

interface HistoryRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

async function history(): Promise<HistoryRow[]> {
  return database.db.$queryRawUnsafe<HistoryRow[]>(
    `SELECT id, migration_name, checksum, finished_at, rolled_back_at, logs, applied_steps_count
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
}

async function noteColumns(): Promise<string[]> {
  const rows = await database.db.$queryRawUnsafe<{ column_name: string }[]>(
    `SELECT column_name FROM information_schema.columns WHERE table_name = 'Note' ORDER BY ordinal_position`,
  );
  return rows.map((row) => row.column_name);
}

describe("runMigrations", () => {
  beforeEach(async () => {
    database = await createEmptyTestDatabase();
    migrationsDir = fs.mkdtempSync(path.join(os.tmpdir(), "tuiquan-migrations-"));
  });

  afterEach(async () => {
    await database.close();
    fs.rmSync(migrationsDir, { recursive: true, force: true });
  });

  it("applies pending migrations in name order and records them as Prisma does", async () => {
    // Written in reverse: the second depends on the first, so only name order works.
    writeMigration("20240102000000_add_note_author", addNoteAuthor);
    writeMigration("20240101000000_create_note", createNote);

    const result = await runMigrations(database, { migrationsDir });

    expect(result).toEqual({ applied: ["20240101000000_create_note", "20240102000000_add_note_author"], alreadyApplied: [] });
    expect(await noteColumns()).toEqual(["id", "body", "author"]);
    const rows = await history();
    expect(rows.map((row) => [row.migration_name, row.checksum, row.applied_steps_count])).toEqual([
      ["20240101000000_create_note", migrationChecksum(createNote), 1],
      ["20240102000000_add_note_author", migrationChecksum(addNoteAuthor), 1],
    ]);
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("keeps the history table exactly as Prisma's schema engine creates it", async () => {
    writeMigration("20240101000000_create_note", createNote);
    await runMigrations(database, { migrationsDir });
    const columns = await database.db.$queryRawUnsafe<{ column_name: string; data_type: string; is_nullable: string }[]>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
        WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((column) => `${column.column_name} ${column.data_type} ${column.is_nullable}`)).toEqual([
      "id character varying NO",
      "checksum character varying NO",
      "finished_at timestamp with time zone YES",
      "migration_name character varying NO",
      "logs text YES",
      "rolled_back_at timestamp with time zone YES",
      "started_at timestamp with time zone NO",
      "applied_steps_count integer NO",
    ]);
  });

  it("is idempotent: a second run applies nothing and keeps the data", async () => {
    writeMigration("20240101000000_create_note", createNote);
    await runMigrations(database, { migrationsDir });
    await database.db.$executeRawUnsafe(`INSERT INTO "Note" ("body") VALUES ('第一条')`);

    const again = await runMigrations(database, { migrationsDir });

    expect(again).toEqual({ applied: [], alreadyApplied: ["20240101000000_create_note"] });
    expect(await history()).toHaveLength(1);
    expect(await database.db.$queryRawUnsafe(`SELECT body FROM "Note"`)).toEqual([{ body: "第一条" }]);
  });

  it("applies only the new migration when one is added later", async () => {
    writeMigration("20240101000000_create_note", createNote);
    await runMigrations(database, { migrationsDir });
    writeMigration("20240102000000_add_note_author", addNoteAuthor);

    const result = await runMigrations(database, { migrationsDir });

    expect(result.applied).toEqual(["20240102000000_add_note_author"]);
    expect(await noteColumns()).toEqual(["id", "body", "author"]);
  });

  it("refuses, naming the migration, when an applied migration was edited", async () => {
    writeMigration("20240101000000_create_note", createNote);
    await runMigrations(database, { migrationsDir });
    writeMigration("20240101000000_create_note", createNote.replace("TEXT NOT NULL", "VARCHAR(10) NOT NULL"));
    writeMigration("20240102000000_add_note_author", addNoteAuthor);

    const run = runMigrations(database, { migrationsDir });

    await expect(run).rejects.toThrow(MigrationError);
    await expect(run).rejects.toThrow(/Migration 20240101000000_create_note was changed after it was applied/);
    // Nothing after it was applied either.
    expect(await noteColumns()).toEqual(["id", "body"]);
  });

  it("accepts an applied migration whose only change is its line endings, as Prisma does", async () => {
    writeMigration("20240101000000_create_note", "-- notes\n" + createNote);
    await runMigrations(database, { migrationsDir });
    writeMigration("20240101000000_create_note", "-- notes\r\n" + createNote.replace("\n", "\r\n"));

    await expect(runMigrations(database, { migrationsDir })).resolves.toEqual({
      applied: [],
      alreadyApplied: ["20240101000000_create_note"],
    });
  });

  it("refuses, naming the migration, when an applied migration is missing", async () => {
    writeMigration("20240101000000_create_note", createNote);
    await runMigrations(database, { migrationsDir });
    fs.rmSync(path.join(migrationsDir, "20240101000000_create_note"), { recursive: true });

    await expect(runMigrations(database, { migrationsDir })).rejects.toThrow(
      /Migration 20240101000000_create_note is applied to this database but missing/,
    );
  });

  it("rolls a failing migration back entirely and names it", async () => {
    writeMigration("20240101000000_create_note", createNote);
    writeMigration("20240102000000_broken", `CREATE TABLE "Half" ("id" INT);\nALTER TABLE "Nowhere" ADD COLUMN "x" INT;\n`);

    await expect(runMigrations(database, { migrationsDir })).rejects.toThrow(/Migration 20240102000000_broken failed/);

    expect((await history()).map((row) => row.migration_name)).toEqual(["20240101000000_create_note"]);
    const half = await database.db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`);
    expect(half).toEqual([]);
  });

  it("runs a migration that has its own BEGIN/COMMIT (as the engine writes to drop an enum value) as Prisma does", async () => {
    writeMigration("20240101000000_create_mood", `CREATE TYPE "Mood" AS ENUM ('CALM', 'ANGRY', 'SAD');\n`);
    writeMigration(
      "20240102000000_drop_angry",
      `-- AlterEnum\nBEGIN;\nCREATE TYPE "Mood_new" AS ENUM ('CALM', 'SAD');\nDROP TYPE "Mood";\nALTER TYPE "Mood_new" RENAME TO "Mood";\nCOMMIT;\n`,
    );

    expect((await runMigrations(database, { migrationsDir })).applied).toHaveLength(2);

    const labels = await database.db.$queryRawUnsafe<{ label: string }[]>(
      `SELECT unnest(enum_range(NULL::"Mood"))::text AS label`,
    );
    expect(labels.map((row) => row.label)).toEqual(["CALM", "SAD"]);
    expect((await history()).map((row) => [row.migration_name, row.finished_at instanceof Date, row.applied_steps_count])).toEqual([
      ["20240101000000_create_mood", true, 1],
      ["20240102000000_drop_angry", true, 1],
    ]);
  });

  it("leaves a failed self-managed migration marked unfinished, with the error, and stops there", async () => {
    writeMigration(
      "20240101000000_half_done",
      `CREATE TABLE "Applied" ("id" INT);\nBEGIN;\nALTER TABLE "Nowhere" ADD COLUMN "x" INT;\nCOMMIT;\n`,
    );

    await expect(runMigrations(database, { migrationsDir })).rejects.toThrow(
      /Migration 20240101000000_half_done failed; it manages its own transactions, so part of it may have been applied/,
    );
    const [row] = await history();
    expect(row).toMatchObject({ migration_name: "20240101000000_half_done", finished_at: null, applied_steps_count: 0 });
    expect(row?.logs).toMatch(/Nowhere/);

    await expect(runMigrations(database, { migrationsDir })).rejects.toThrow(
      /Migration 20240101000000_half_done was started but never finished/,
    );
  });

  it("refuses to continue after a migration Prisma left unfinished", async () => {
    writeMigration("20240101000000_create_note", createNote);
    await runMigrations(database, { migrationsDir });
    await database.db.$executeRawUnsafe(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, applied_steps_count)
       VALUES ('00000000-0000-4000-8000-000000000000', 'abc', '20240102000000_failed_elsewhere', 0)`,
    );

    await expect(runMigrations(database, { migrationsDir })).rejects.toThrow(
      /Migration 20240102000000_failed_elsewhere was started but never finished/,
    );
  });

  it("re-applies a migration that was marked rolled back", async () => {
    writeMigration("20240101000000_create_note", createNote);
    await runMigrations(database, { migrationsDir });
    await database.db.$executeRawUnsafe(`DROP TABLE "Note"`);
    await database.db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET rolled_back_at = now()`);

    expect((await runMigrations(database, { migrationsDir })).applied).toEqual(["20240101000000_create_note"]);
    expect(await noteColumns()).toEqual(["id", "body"]);
  });

  it("lets several servers start together: each migration is applied once", async () => {
    writeMigration("20240101000000_create_note", createNote);
    writeMigration("20240102000000_add_note_author", addNoteAuthor);

    const results = await Promise.all([1, 2, 3].map(() => runMigrations(database, { migrationsDir })));

    expect(results.flatMap((result) => result.applied).sort()).toEqual([
      "20240101000000_create_note",
      "20240102000000_add_note_author",
    ]);
    expect(await history()).toHaveLength(2);
  });

  it("names a migration folder that has no migration.sql", async () => {
    fs.mkdirSync(path.join(migrationsDir, "20240101000000_empty"));
    await expect(runMigrations(database, { migrationsDir })).rejects.toThrow(/Migration 20240101000000_empty has no migration.sql/);
  });
});

describe("migration checksums", () => {
  it("are SHA-256 hex, as Prisma's engine renders them", () => {
    // The vector from prisma-engines' own checksum test.
    expect(migrationChecksum("hello")).toBe("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  });

  it("match regardless of line endings but not of content", () => {
    expect(checksumMatches("ab\r\ncd\r\n", migrationChecksum("ab\ncd\n"))).toBe(true);
    expect(checksumMatches("ab\ncd\n", migrationChecksum("ab\r\ncd\r\n"))).toBe(true);
    expect(checksumMatches("abc\n", migrationChecksum("abc"))).toBe(false);
  });

  it("accept the un-padded checksums an old Prisma engine stored", () => {
    const unpadded = [...Buffer.from(migrationChecksum("hello"), "hex")].map((byte) => byte.toString(16)).join("");
    expect(unpadded.length).toBeLessThan(64);
    expect(checksumMatches("hello", unpadded)).toBe(true);
  });
});

describe("managesOwnTransaction", () => {
  it("spots the engine's BEGIN/COMMIT but not a PL/pgSQL block", () => {
    expect(managesOwnTransaction("-- AlterEnum\nBEGIN;\nCREATE TYPE x AS ENUM ('a');\nCOMMIT;\n")).toBe(true);
    expect(
      managesOwnTransaction(
        "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;\n",
      ),
    ).toBe(false);
    expect(managesOwnTransaction(`CREATE TABLE "Begin" ("id" INT);\n`)).toBe(false);
  });
});
