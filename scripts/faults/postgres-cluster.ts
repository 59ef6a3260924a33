/**
 * A private PostgreSQL server for one test: its own data folder and port, so restarting it under
 * load disturbs no one else's database. Uses the installed server binaries (Debian:
 * /usr/lib/postgresql/<version>/bin); as root it runs them as the postgres user.
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface PostgresCluster {
  url(database: string): string;
  restart(): void;
  stop(): void;
  start(): void;
  destroy(): void;
}

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const fromEnv = process.env.PG_BIN_DIR;
  if (fromEnv) return fromEnv;
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions[0]) throw new Error("No PostgreSQL server binaries found (install postgresql, or set PG_BIN_DIR).");
  return path.join(root, versions[0], "bin");
}

export function createPostgresCluster(port: number): PostgresCluster {
  const bin = binDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), "tuiquan-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const command = path.join(bin, tool);
    if (asRoot) execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" });
    else execFileSync(command, args, { stdio: "pipe" });
  };
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const pgCtl = (...args: string[]) => run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", ...args]);
  pgCtl("-o", options, "start");

  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () => pgCtl("-o", options, "start"),
    stop: () => pgCtl("-m", "fast", "stop"),
    restart: () => pgCtl("-m", "fast", "-o", options, "restart"),
    destroy() {
      try {
        pgCtl("-m", "immediate", "stop");
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
