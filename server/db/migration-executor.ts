/**
 * The SQL connection migrations run on: one session, so that BEGIN/COMMIT and PostgreSQL's advisory
 * lock apply to the statements in between (Prisma's connection pool promises no such thing).
 */
import pg from "pg";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { OpenedDatabase } from "./client.ts";

/** The statements migrations need, on one connection (PGlite or a single PostgreSQL client). */
export interface SqlSession {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements. */
  exec(sql: string): Promise<void>;
}

/** A raw SQL executor: what runMigrations needs besides an opened app database. */
export interface MigrationExecutor extends SqlSession {
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
  /** Serializes migrators: an advisory lock across processes on PostgreSQL, a queue on PGlite. */
  withLock?<T>(fn: () => Promise<T>): Promise<T>;
}

// The advisory lock key `prisma migrate deploy` takes, so our migrator and Prisma's exclude each other.
const prismaMigrateLockKey = 72707369;

export async function executorFor(
  target: OpenedDatabase | MigrationExecutor,
): Promise<{ executor: MigrationExecutor; release: () => Promise<void> }> {
  if (!("db" in target)) return { executor: target, release: async () => {} };
  if (target.pglite) return { executor: pgliteExecutor(target.pglite), release: async () => {} };
  if (target.target.kind !== "postgres") throw new Error("An opened database is either PGlite or PostgreSQL.");
  // A dedicated connection: the advisory lock and BEGIN/COMMIT belong to one session, which
  // Prisma's connection pool does not promise.
  const client = new pg.Client({ connectionString: target.target.url });
  await client.connect();
  return { executor: postgresExecutor(client), release: () => client.end() };
}

export function pgliteExecutor(pglite: PGlite): MigrationExecutor {
  const session = (db: PGlite | Transaction): SqlSession => ({
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await db.query<Row>(sql, params)).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  });
  return {
    ...session(pglite),
    // PGlite's transaction() also holds its mutex, so Prisma queries on the same instance wait.
    transaction: (fn) => pglite.transaction((tx) => fn(session(tx))),
    // Only this process can open the database (server/db/data-dir-lock.ts), so an in-process
    // queue is the whole lock: two runs never both find the same migration pending.
    withLock(fn) {
      const previous = pgliteMigrators.get(pglite) ?? Promise.resolve();
      const run = previous.then(fn, fn);
      pgliteMigrators.set(
        pglite,
        run.then(
          () => undefined,
          () => undefined,
        ),
      );
      return run;
    },
  };
}

const pgliteMigrators = new WeakMap<PGlite, Promise<unknown>>();

export function postgresExecutor(client: pg.Client): MigrationExecutor {
  const session: SqlSession = {
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql); // no parameters: the simple protocol, which runs several statements
    },
  };
  return {
    ...session,
    async transaction(fn) {
      await client.query("BEGIN");
      try {
        const value = await fn(session);
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    async withLock(fn) {
      // Waits while another server (or `prisma migrate deploy`) migrates; they then find nothing pending.
      await client.query(`SELECT pg_advisory_lock(${prismaMigrateLockKey})`);
      try {
        return await fn();
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${prismaMigrateLockKey})`);
      }
    },
  };
}
