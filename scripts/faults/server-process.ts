/**
 * Runs the real `npm start` (scripts/start.ts) as a child process for the fault tests: a fresh
 * port, its own data folder, and the production build in NEXT_DIST_DIR (default .next-test,
 * reused between runs while the sources do not change).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";
import { withoutAppVariables } from "../../server/config/env.ts";

export const projectDir = path.resolve(import.meta.dirname, "../..");

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far. */
  output(): string;
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return port;
}

export function serverEnv(dataDir: string, port: number, databaseUrl: string | null): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...withoutAppVariables(process.env) };
  for (const name of ["VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID"]) delete env[name];
  // The build is shared with the e2e run (a caller may name another one).
  Object.assign(env, { PORT: String(port), DATA_DIR: dataDir, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-test" });
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env as NodeJS.ProcessEnv;
}

/** Starts scripts/start.ts; resolves once it is serving (or rejects with its output when it exits first). */
export function spawnServer(env: NodeJS.ProcessEnv): { process: ServerProcess; ready: Promise<ServerProcess> } {
  // Node with tsx as a loader, not `npx tsx`: then the pid we kill -9 is the server itself.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectDir, "scripts/start.ts")], {
    cwd: projectDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const server: ServerProcess = { child, url: "", output: () => output, exited };
  const ready = new Promise<ServerProcess>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /ready on (http:\/\/\S+)/.exec(output)?.[1];
      if (url && !server.url) {
        server.url = url;
        resolve(server);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then((code) => reject(new Error(`the server exited (code ${code}) before it was ready:\n${output}`)));
  });
  return { process: server, ready };
}

export async function killHard(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGKILL");
  await server.exited;
}
