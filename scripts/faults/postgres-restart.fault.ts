/**
 * When PostgreSQL restarts under load, the app answers errors meanwhile (never hangs, never dies)
 * and recovers by itself: the connection pool drops the dead connections and opens new ones.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { createPostgresCluster, type PostgresCluster } from "./postgres-cluster.ts";
import { freePort, killHard, serverEnv, spawnServer, type ServerProcess } from "./server-process.ts";

let cluster: PostgresCluster | null = null;
let server: ServerProcess | null = null;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "tuiquan-pg-restart-"));

afterAll(async () => {
  if (server) await killHard(server);
  cluster?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Answer {
  at: number;
  status: number | "no answer";
  json: boolean;
}

it("answers errors while PostgreSQL restarts and recovers by itself", async () => {
  cluster = createPostgresCluster(await freePort());
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE tuiquan");
  await admin.end();

  const started = spawnServer(serverEnv(dataDir, await freePort(), cluster.url("tuiquan")));
  server = await started.ready;
  const url = `${server.url}/api/trpc/essay.get`;

  // Load: 5 clients asking for the essay (a database query each) as fast as they are answered.
  const answers: Answer[] = [];
  let running = true;
  const client = async () => {
    while (running) {
      const at = Date.now();
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
        const json = /application\/json/.test(response.headers.get("content-type") ?? "");
        await response.arrayBuffer();
        answers.push({ at, status: response.status, json });
      } catch {
        answers.push({ at, status: "no answer", json: false });
      }
    }
  };
  const clients = Array.from({ length: 5 }, client);

  const waitFor = async (condition: () => boolean, what: string, ms: number) => {
    const deadline = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await waitFor(() => answers.filter((a) => a.status === 200).length >= 50, "answers before the restart", 30_000);

  const stoppedAt = Date.now();
  cluster.stop();
  await waitFor(() => answers.some((a) => a.at > stoppedAt && a.status !== 200), "an error while PostgreSQL is down", 10_000);
  await new Promise((resolve) => setTimeout(resolve, 1000)); // down for a while, under load
  cluster.start();
  const restartedAt = Date.now();

  await waitFor(
    () => answers.filter((a) => a.at > restartedAt && a.status === 200).length >= 50,
    "the app to recover after the restart",
    20_000,
  );
  running = false;
  await Promise.all(clients);

  const duringOutage = answers.filter((a) => a.at > stoppedAt && a.at < restartedAt);
  const count = (list: Answer[]) => {
    const byStatus = new Map<string, number>();
    for (const answer of list) byStatus.set(String(answer.status), (byStatus.get(String(answer.status)) ?? 0) + 1);
    return [...byStatus].map(([status, n]) => `${status}×${n}`).join(" ");
  };
  console.log(`answers: before ${count(answers.filter((a) => a.at <= stoppedAt))}; outage ${count(duringOutage)}; after ${count(answers.filter((a) => a.at >= restartedAt))}`);
  // Every request got an answer, and the errors were real HTTP errors with a JSON body.
  expect(answers.filter((a) => a.status === "no answer")).toEqual([]);
  expect(duringOutage.length).toBeGreaterThan(0);
  for (const answer of duringOutage.filter((a) => a.status !== 200)) {
    expect(answer.status).toBeGreaterThanOrEqual(500);
    expect(answer.json).toBe(true);
  }
  // Recovered: the last answers all succeed, and the server never went away.
  expect(answers.slice(-20).every((a) => a.status === 200)).toBe(true);
  expect(server.child.exitCode).toBeNull();
});
