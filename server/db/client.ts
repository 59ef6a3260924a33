/**
 * The Prisma client factory: embedded PGlite by default, PostgreSQL when DATABASE_URL is postgres://.
 *
 * One process owns a PGlite data folder at a time (PGlite is a single-connection, in-process
 * PostgreSQL); server/db/data-dir-lock.ts enforces that across processes.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client.ts";
import { durablePgliteOptions, enableFsync } from "./pglite-durability.ts";

export type Db = PrismaClient;

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string | null }; // null: in memory (tests)

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

export interface OpenedDatabase {
  db: Db;
  /** Where it lives (migrations open their own PostgreSQL connection from it). */
  target: DatabaseTarget;
  /** The raw PGlite instance when embedded (migrations and tests use it); null on PostgreSQL. */
  pglite: PGlite | null;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  if (target.kind === "postgres") {
    const adapter = new PrismaPg({ connectionString: target.url, max: poolSize() });
    const db = new PrismaClient({ adapter });
    return { db, target, pglite: null, close: () => db.$disconnect() };
  }
  const pglite = target.dataDir ? new PGlite(target.dataDir, durablePgliteOptions()) : new PGlite();
  await pglite.waitReady;
  if (target.dataDir) enableFsync(pglite); // see pglite-durability.ts
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    db,
    target,
    pglite,
    async close() {
      await db.$disconnect();
      await pglite.close();
    },
  };
}

function poolSize(): number {
  const fromEnv = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 10;
}
