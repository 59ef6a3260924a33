/** Facts about this run that a reader of the figures needs: machine, versions, commit, noise. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export function describeMachine(projectDir: string): string {
  const cpus = os.cpus();
  const autocannonVersion = (
    JSON.parse(fs.readFileSync(path.join(projectDir, "node_modules/autocannon/package.json"), "utf8")) as { version: string }
  ).version;
  const load = os.loadavg()[0]?.toFixed(2) ?? "?";
  return (
    `Node ${process.version}, ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ` +
    `autocannon ${autocannonVersion}, load average ${load} at start, ${describeCommit(projectDir)}`
  );
}

function describeCommit(projectDir: string): string {
  try {
    const git = (...args: string[]) =>
      execFileSync("git", ["--no-optional-locks", ...args], { cwd: projectDir, encoding: "utf8", timeout: 10_000 }).trim();
    const commit = git("rev-parse", "--short", "HEAD");
    const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
    return `commit ${commit}${dirty ? " with uncommitted changes" : ""}`;
  } catch {
    return "commit unknown";
  }
}

/** A port on 127.0.0.1 that is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}
