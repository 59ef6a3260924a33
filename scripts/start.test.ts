/**
 * Faults of the whole server (scripts/start.ts): an acknowledged write survives kill -9 and a
 * restart, on PGlite and (with TEST_DATABASE_URL) on PostgreSQL; a second start on the same data
 * folder is refused at once. The first run builds the app into NEXT_DIST_DIR (.next-test).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseTarget } from "@/server/db/client.ts";
import { runMigrations } from "@/server/db/migrate.ts";
import { freePort, killHard, serverEnv, spawnServer, type ServerProcess } from "./faults/server-process.ts";

const buildTimeout = 15 * 60_000;
const running: ServerProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

afterAll(async () => {
  for (const server of running) await killHard(server);
  for (const cleanup of cleanups.reverse()) await cleanup();
});

interface Target {
  name: string;
  /** A fresh database for one test: its DATABASE_URL (null: PGlite in the data folder). */
  create(dataDir: string): Promise<string | null>;
}

const targets: Target[] = [{ name: "PGlite", create: async () => null }];
const postgresServer = process.env.TEST_DATABASE_URL;
if (postgresServer) {
  targets.push({
    name: "PostgreSQL",
    async create() {
      const name = `tuiquan_faults_${randomBytes(4).toString("hex")}`;
      const admin = new pg.Client({ connectionString: postgresServer });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      cleanups.push(async () => {
        const client = new pg.Client({ connectionString: postgresServer });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      });
      const url = new URL(postgresServer);
      url.pathname = `/${name}`;
      return url.toString();
    },
  });
}

function freshDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tuiquan-faults-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A reader with a session, written before the server starts (sign-in has its own tests). */
async function createSignedInReader(dataDir: string, databaseUrl: string | null): Promise<string> {
  const target: DatabaseTarget = databaseUrl ? { kind: "postgres", url: databaseUrl } : { kind: "pglite", dataDir: path.join(dataDir, "pglite") };
  const opened = await openDatabase(target);
  try {
    await runMigrations(opened);
    const sessionToken = randomBytes(24).toString("hex");
    await opened.db.user.create({
      data: { email: `reader-${sessionToken.slice(0, 6)}@example.org`, sessions: { create: { sessionToken, expires: new Date(Date.now() + 86_400_000) } } },
    });
    return sessionToken;
  } finally {
    await opened.close();
  }
}

async function start(dataDir: string, port: number, databaseUrl: string | null): Promise<ServerProcess> {
  const { process: server, ready } = spawnServer(serverEnv(dataDir, port, databaseUrl));
  running.push(server);
  return ready;
}

async function trpc(server: ServerProcess, sessionToken: string, procedure: string, input?: unknown) {
  const headers = { cookie: `next-auth.session-token=${sessionToken}`, "content-type": "application/json" };
  const response =
    input === undefined
      ? await fetch(`${server.url}/api/trpc/${procedure}`, { headers })
      : await fetch(`${server.url}/api/trpc/${procedure}`, { method: "POST", headers, body: JSON.stringify({ json: input }) });
  return { status: response.status, body: (await response.json()) as { result?: { data: { json: { name: string | null } | null } } } };
}

describe.each(targets)("the server on $name", (target) => {
  it(
    "keeps an acknowledged write through kill -9 and a restart",
    async () => {
      const dataDir = freshDataDir();
      const databaseUrl = await target.create(dataDir);
      const sessionToken = await createSignedInReader(dataDir, databaseUrl);
      const port = await freePort();

      const first = await start(dataDir, port, databaseUrl);
      const name = `写下就在 ${randomBytes(3).toString("hex")}`;
      const written = await trpc(first, sessionToken, "me.update", { name });
      expect(written.status).toBe(200);
      expect(written.body.result?.data.json?.name).toBe(name);

      await killHard(first); // no chance to flush or close anything
      const second = await start(dataDir, port, databaseUrl);
      const read = await trpc(second, sessionToken, "me.get");
      expect(read.status).toBe(200);
      expect(read.body.result?.data.json?.name).toBe(name);
      await killHard(second);
    },
    buildTimeout,
  );
});

describe("a second start on the same data folder", () => {
  it(
    "is refused at once with a message that names the running process",
    async () => {
      const dataDir = freshDataDir();
      const first = await start(dataDir, await freePort(), null);

      const { process: second, ready } = spawnServer(serverEnv(dataDir, await freePort(), null));
      running.push(second);
      ready.catch(() => {}); // it must exit instead
      const began = Date.now();
      const code = await second.exited;
      expect(code).toBe(1);
      expect(second.output()).toContain(`another Tuiquan process (pid ${first.child.pid}) is using ${dataDir}; stop it first`);
      // Before migrating, seeding or building: only the time to load the script.
      expect(Date.now() - began).toBeLessThan(15_000);
      expect(second.output()).not.toMatch(/Applying migration|building/);

      // The first one is unharmed and still serving.
      expect((await fetch(`${first.url}/api/trpc/me.get`)).status).toBe(200);
      await killHard(first);
    },
    buildTimeout,
  );
});

describe("a local site without a mail server", () => {
  it(
    "lists sign-in links on /dev/outbox for requests from this machine",
    async () => {
      const server = await start(freshDataDir(), await freePort(), null);
      const signIn = await fetch(`${server.url}/api/auth/csrf`);
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };
      const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      const requested = await fetch(`${server.url}/api/auth/signin/email`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ email: "outbox-reader@example.org", csrfToken, json: "true" }),
      });
      expect(requested.status).toBe(200);

      const outbox = await fetch(`${server.url}/dev/outbox`);
      expect(outbox.status).toBe(200);
      expect(await outbox.text()).toContain("outbox-reader@example.org");
      expect(server.output()).toMatch(/\[dev-mail\] sign-in link for outbox-reader@example\.org: http:\/\/localhost:\d+\/api\/auth\/callback\/email\?/);
      await killHard(server);
    },
    buildTimeout,
  );
});
