import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, lockFileName } from "./data-dir-lock.ts";

const lockModule = path.resolve(import.meta.dirname, "data-dir-lock.ts");

let dataDir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "tuiquan-lock-"));
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

/** Another process that takes the lock and keeps running until killed. */
async function lockInAnotherProcess(): Promise<ChildProcess> {
  const code = `const { acquireDataDirLock } = await import(${JSON.stringify(lockModule)});
acquireDataDirLock(${JSON.stringify(dataDir)}); console.log("locked"); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  const [chunk] = (await once(child.stdout!, "data")) as [Buffer];
  expect(chunk.toString()).toContain("locked");
  return child;
}

describe("acquireDataDirLock", () => {
  it("refuses at once while another live process holds the folder, naming its pid and the folder", async () => {
    const other = await lockInAnotherProcess();
    const started = Date.now();
    let refusal: unknown;
    try {
      acquireDataDirLock(dataDir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as Error).message).toBe(`another Tuiquan process (pid ${other.pid}) is using ${dataDir}; stop it first`);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("takes over the lock of a process killed with kill -9", async () => {
    const other = await lockInAnotherProcess();
    other.kill("SIGKILL");
    await once(other, "exit");
    expect(existsSync(path.join(dataDir, lockFileName))).toBe(true); // the dead process left it behind

    const lock = acquireDataDirLock(dataDir);
    expect(JSON.parse(readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("removes the lock on release, so the next process can start", () => {
    const lock = acquireDataDirLock(dataDir);
    expect(existsSync(lock.path)).toBe(true);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    acquireDataDirLock(dataDir).release();
  });

  it("lets the holding process lock again and keeps the file until the last holder releases", () => {
    const first = acquireDataDirLock(dataDir);
    const second = acquireDataDirLock(dataDir);
    second.release();
    expect(existsSync(first.path)).toBe(true);
    first.release();
    expect(existsSync(first.path)).toBe(false);
  });

  it("treats a lock whose pid now belongs to a different process as stale (pid reuse)", () => {
    // The parent process is alive, but it is not the process that wrote this lock.
    writeFileSync(path.join(dataDir, lockFileName), JSON.stringify({ pid: process.ppid, startTime: "1", command: "old" }));
    const lock = acquireDataDirLock(dataDir);
    expect(JSON.parse(readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("treats an unreadable lock file as stale", () => {
    writeFileSync(path.join(dataDir, lockFileName), "garbage");
    acquireDataDirLock(dataDir).release();
  });

  it("creates the data folder when it does not exist yet", () => {
    const nested = path.join(dataDir, "a", "b");
    const lock = acquireDataDirLock(nested);
    expect(lock.path).toBe(path.join(nested, lockFileName));
    lock.release();
  });
});
