/**
 * `npm run role -- <email> USER` demotes, run as the operator runs it: its own process, on the
 * database the environment names (an embedded one in DATA_DIR, or TEST_DATABASE_URL's PostgreSQL,
 * where it also tells running app servers to drop the reader's kept sessions).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type OpenedDatabase } from "@/server/db/client.ts";
import { runMigrations } from "@/server/db/migrate.ts";
import { withoutAppVariables } from "@/server/config/env.ts";
import { sessionUserFromToken } from "@/server/auth/session-user.ts";
import { sessionsChannel } from "@/server/live/channels.ts";
import { PostgresLiveBus } from "@/server/live/postgres-bus.ts";
import { createTestDatabase } from "@/server/test/database.ts";

const run = promisify(execFile);
const projectDir = path.resolve(import.meta.dirname, "..");
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A migrated database the script can open too, and the environment that names it. */
async function scriptableDatabase(): Promise<{ opened: OpenedDatabase; env: Record<string, string>; reopen: () => Promise<OpenedDatabase> }> {
  if (process.env.TEST_DATABASE_URL) {
    const database = await createTestDatabase();
    if (database.target.kind !== "postgres") throw new Error("expected PostgreSQL");
    cleanups.push(() => database.close());
    const opened = { db: database.db, target: database.target, pglite: null, close: async () => {} };
    return { opened, env: { DATABASE_URL: database.target.url }, reopen: async () => opened };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tuiquan-role-"));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const target = { kind: "pglite", dataDir: path.join(dataDir, "pglite") } as const;
  const opened = await openDatabase(target);
  await runMigrations(opened);
  return {
    opened,
    env: { DATA_DIR: dataDir },
    // The embedded database allows one process: closed while the script runs, opened again after.
    reopen: async () => {
      const again = await openDatabase(target);
      cleanups.push(() => again.close());
      return again;
    },
  };
}

describe("npm run role", () => {
  it("demotes an ADMIN to USER, and their open session is an ordinary reader's from its next request", async () => {
    const { opened, env, reopen } = await scriptableDatabase();
    const admin = await opened.db.user.create({ data: { email: "former-admin@example.test", role: "ADMIN" } });
    await opened.db.session.create({ data: { sessionToken: "former-admin-token", userId: admin.id, expires: new Date(Date.now() + 3_600_000) } });

    let announced: Promise<void> | null = null;
    if (env.DATABASE_URL) {
      // A running app server's bus hears the script's announcement.
      const bus = new PostgresLiveBus(env.DATABASE_URL);
      cleanups.push(() => bus.close());
      announced = new Promise((resolve) => bus.subscribe(sessionsChannel(admin.id), () => resolve()));
      await bus.ready();
    } else {
      await opened.close();
    }

    const { stdout } = await run(path.join(projectDir, "node_modules/.bin/tsx"), ["scripts/role.ts", "Former-Admin@example.test", "user"], {
      cwd: projectDir,
      env: { ...withoutAppVariables(process.env), ...env },
    });
    expect(stdout).toContain("role: former-admin@example.test is now USER (was ADMIN).");

    const db = (await reopen()).db;
    expect(await sessionUserFromToken(db, "former-admin-token")).toMatchObject({ role: "USER" });
    if (announced) await announced;
  }, 60_000);
});
