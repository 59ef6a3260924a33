/**
 * Applies the SQL migrations in prisma/migrations, keeping Prisma's own history table.
 *
 * Why our own command: the prisma CLI cannot run here (it downloads a native engine first), and the
 * embedded PGlite database is not reachable by URL anyway. The history lives in `_prisma_migrations`
 * with the same columns and checksums as `prisma migrate deploy` writes, so the two agree about
 * what has been applied (docs/migrations.md).
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { OpenedDatabase } from "./client.ts";
import { executorFor, type MigrationExecutor } from "./migration-executor.ts";

export { pgliteExecutor, postgresExecutor, type MigrationExecutor, type SqlSession } from "./migration-executor.ts";

export const defaultMigrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration: string | null,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

// Prisma's schema engine creates the table with exactly this DDL (sql-schema-connector, postgres flavour).
const createHistoryTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

/** SHA-256 hex of the file's text, as Prisma's schema engine stores it (schema-connector/src/checksum.rs). */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/**
 * Prisma accepts a stored checksum when the file matches it with either line ending (git may
 * rewrite them on checkout), and also in the un-padded hex an old engine wrote (prisma-engines#1887).
 */
export function checksumMatches(sql: string, stored: string): boolean {
  const variants = [sql, sql.replaceAll("\r\n", "\n"), sql.replaceAll("\n", "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant, "utf8").digest();
    const rendered =
      stored.length === 64 || stored.length === 0
        ? digest.toString("hex")
        : [...digest].map((byte) => byte.toString(16)).join("");
    return rendered === stored;
  });
}

/** The migration folders in name order (their names start with a UTC timestamp). */
export async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") throw new MigrationError(`Migrations folder not found: ${migrationsDir}`, null);
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrations: MigrationFile[] = [];
  for (const name of names) {
    const file = path.join(migrationsDir, name, "migration.sql");
    const sql = await fs.readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") throw new MigrationError(`Migration ${name} has no migration.sql (${file}).`, name);
      throw error;
    });
    migrations.push({ name, sql, checksum: migrationChecksum(sql) });
  }
  return migrations;
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
  logs: string | null;
}

/**
 * Applies every pending migration in name order, each in its own transaction together with its
 * history row, so a failed migration leaves neither half a schema nor a "failed" row behind.
 * Refuses to start when an applied migration was edited or deleted, or one was left unfinished.
 */
export async function runMigrations(
  target: OpenedDatabase | MigrationExecutor,
  options: { migrationsDir?: string; log?: (line: string) => void } = {},
): Promise<MigrationResult> {
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir;
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(migrationsDir);

  const { executor, release } = await executorFor(target);
  try {
    const run = () => applyPending(executor, migrations, log);
    return await (executor.withLock ? executor.withLock(run) : run());
  } finally {
    await release();
  }
}

async function applyPending(
  executor: MigrationExecutor,
  migrations: MigrationFile[],
  log: (line: string) => void,
): Promise<MigrationResult> {
  await executor.exec(createHistoryTable);
  const history = await executor.query<HistoryRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at`,
  );
  // Rolled-back rows (prisma migrate resolve --rolled-back) count as not applied, as in Prisma.
  const live = history.filter((row) => row.rolled_back_at === null);
  const byName = new Map(migrations.map((migration) => [migration.name, migration]));

  const unfinished = live.find((row) => row.finished_at === null);
  if (unfinished) {
    throw new MigrationError(
      `Migration ${unfinished.migration_name} was started but never finished: it failed part-way, here or in ` +
        `\`prisma migrate deploy\`${unfinished.logs ? ` (${unfinished.logs})` : ""}. Repair the database by hand, then mark it ` +
        `rolled back (\`prisma migrate resolve --rolled-back ${unfinished.migration_name}\`, or SQL: UPDATE "_prisma_migrations" ` +
        `SET rolled_back_at = now() WHERE migration_name = '${unfinished.migration_name}') to have it applied again.`,
      unfinished.migration_name,
    );
  }
  for (const row of live) {
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        `Migration ${row.migration_name} is applied to this database but missing from the migrations folder. ` +
          `Restore it (never delete an applied migration) or run a build that includes it.`,
        row.migration_name,
      );
    }
    if (!checksumMatches(file.sql, row.checksum)) {
      throw new MigrationError(
        `Migration ${row.migration_name} was changed after it was applied to this database. ` +
          `Restore its original migration.sql and put the change in a new migration (npm run db:new-migration).`,
        row.migration_name,
      );
    }
  }

  const appliedNames = new Set(live.map((row) => row.migration_name));
  const result: MigrationResult = { applied: [], alreadyApplied: [] };
  for (const migration of migrations) {
    if (appliedNames.has(migration.name)) {
      result.alreadyApplied.push(migration.name);
      continue;
    }
    log(`Applying migration ${migration.name}`);
    if (managesOwnTransaction(migration.sql)) await applyAsPrismaDoes(executor, migration);
    else await applyInTransaction(executor, migration);
    result.applied.push(migration.name);
  }
  return result;
}

/**
 * The engine writes its own BEGIN/COMMIT around some steps (re-creating an enum to drop a value),
 * which cannot nest inside ours: such a file runs as `prisma migrate deploy` runs every file.
 * (A PL/pgSQL block's BEGIN has no semicolon, so function bodies do not count.)
 */
export function managesOwnTransaction(sql: string): boolean {
  return /^\s*(BEGIN|COMMIT|START\s+TRANSACTION)\b[^;\n]*;/im.test(sql);
}

const insertHistoryRow = `
INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
VALUES ($1, $2, $3, $4, NULL, NULL, $5, $6)`;

/** The migration and its history row commit together, or neither does. */
async function applyInTransaction(executor: MigrationExecutor, migration: MigrationFile): Promise<void> {
  const startedAt = new Date().toISOString();
  try {
    await executor.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query(insertHistoryRow, [randomUUID(), migration.checksum, new Date().toISOString(), migration.name, startedAt, 1]);
    });
  } catch (error) {
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reasonOf(error)}`, migration.name);
  }
}

/**
 * Prisma's own sequence: a "started" row, the script, then "finished". If the script fails part-way
 * the row stays unfinished, with the error in its logs, and the next run refuses until someone looks.
 */
async function applyAsPrismaDoes(executor: MigrationExecutor, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await executor.query(insertHistoryRow, [id, migration.checksum, null, migration.name, new Date().toISOString(), 0]);
  try {
    await executor.exec(migration.sql);
  } catch (error) {
    await executor.exec("ROLLBACK").catch(() => {}); // in case it failed inside its own transaction
    await executor.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, reasonOf(error)]);
    throw new MigrationError(
      `Migration ${migration.name} failed; it manages its own transactions, so part of it may have been applied: ${reasonOf(error)}`,
      migration.name,
    );
  }
  await executor.query(
    `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
    [id],
  );
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
