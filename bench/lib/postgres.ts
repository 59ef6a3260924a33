/**
 * PostgreSQL for the second half of the run: a fresh database on a reachable server, created for
 * this run and dropped after it (even on failure). The bench never starts or configures a server.
 */
import pg from "pg";
import type { Cleanups } from "./cleanup.ts";

export interface BenchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function adminClient(url: string): pg.Client {
  const host = new URL(url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost" && host !== "::1" && host !== "[::1]") {
    throw new Error(`BENCH_DATABASE_URL must point at this machine (127.0.0.1), not ${host}`);
  }
  return new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, statement_timeout: 60_000 });
}

/** null when reachable, else why not (for the printed note). */
export async function postgresUnreachableReason(adminUrl: string): Promise<string | null> {
  let client: pg.Client;
  try {
    client = adminClient(adminUrl);
  } catch (error) {
    return (error as Error).message;
  }
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createBenchDatabase(cleanups: Cleanups, adminUrl: string): Promise<BenchDatabase> {
  // Letters, digits and underscores only: it goes into SQL as an identifier.
  const name = `tuiquan_bench_${Date.now()}_${process.pid}`;
  const client = adminClient(adminUrl);
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const drop = async () => {
    const dropper = adminClient(adminUrl);
    await dropper.connect();
    try {
      // FORCE (PostgreSQL 13+) ends the app's pooled connections if its server did not.
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await dropper.end();
    }
  };
  const forget = cleanups.add({ name: `drop database ${name}`, run: drop });
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: async () => {
      await drop();
      forget();
    },
  };
}
