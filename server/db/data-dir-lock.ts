/**
 * One process per data folder. PGlite is PostgreSQL running inside one process, with no shared
 * memory or locking between processes: a second process opening the same folder corrupts it.
 * So every command that opens the embedded database (npm start, db:migrate, db:seed, role) takes
 * this lock first and fails at once when another live process holds it.
 *
 * The lock is a file, $DATA_DIR/tuiquan.lock, holding the owner's pid and its start time. A lock
 * whose owner is gone (kill -9, power loss) is taken over. The start time guards against pid reuse
 * after a reboot or in a container, where a new process may get the dead owner's pid.
 * Not needed with DATABASE_URL: PostgreSQL does its own locking.
 */
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

export const lockFileName = "tuiquan.lock";

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Idempotent; also runs at process exit. */
  release(): void;
}

interface LockOwner {
  pid: number;
  /** Process start time from /proc (Linux), null elsewhere. */
  startTime: string | null;
  command: string;
}

export class DataDirLockedError extends Error {
  constructor(
    public readonly dataDir: string,
    public readonly ownerPid: number,
  ) {
    super(`another Tuiquan process (pid ${ownerPid}) is using ${dataDir}; stop it first`);
    this.name = "DataDirLockedError";
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, lockFileName);
  const me: LockOwner = { pid: process.pid, startTime: processStartTime(process.pid), command: process.argv.slice(1).join(" ") };
  const myContent = JSON.stringify(me);

  // Written aside then hard-linked into place: link() fails if the lock exists, and a reader never
  // sees a half-written file.
  const pending = `${lockPath}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(pending, myContent, { mode: 0o644 });
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(pending, lockPath);
        return holdLock(lockPath, myContent);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const content = readIfExists(lockPath);
      if (content === null) continue; // released meanwhile: try again
      const owner = parseOwner(content);
      // This process already holds it (the start script, then a module that locks again).
      if (owner && owner.pid === process.pid && content === myContent) return holdLock(lockPath, myContent);
      if (owner && isAlive(owner)) throw new DataDirLockedError(dir, owner.pid);
      takeOverStaleLock(lockPath, content);
    }
    throw new Error(`could not take the lock ${lockPath}: it keeps changing; is another process starting?`);
  } finally {
    unlinkQuietly(pending);
  }
}

/**
 * Moves a dead owner's lock aside. rename() is atomic, so of two processes taking over at once
 * only one moves the stale file; if what we moved turns out to be a fresh lock of a live process
 * (it replaced the stale one between our read and our rename), we put it back.
 */
function takeOverStaleLock(lockPath: string, staleContent: string): void {
  const aside = `${lockPath}.stale.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const moved = readIfExists(aside);
  if (moved !== staleContent) {
    try {
      linkSync(aside, lockPath);
    } catch {
      // Someone else holds it now; the next attempt reads their lock.
    }
  }
  unlinkQuietly(aside);
}

/** Holders in this process, per lock file: the file goes when the last of them releases. */
const globalForLocks = globalThis as typeof globalThis & { __tuiquanDataDirLocks?: Map<string, number> };
const holders = (globalForLocks.__tuiquanDataDirLocks ??= new Map());

function holdLock(lockPath: string, myContent: string): DataDirLock {
  holders.set(lockPath, (holders.get(lockPath) ?? 0) + 1);
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener("exit", release);
    const remaining = (holders.get(lockPath) ?? 1) - 1;
    if (remaining > 0) return void holders.set(lockPath, remaining);
    holders.delete(lockPath);
    if (readIfExists(lockPath) === myContent) unlinkQuietly(lockPath);
  };
  process.on("exit", release);
  return { path: lockPath, release };
}

function parseOwner(content: string): LockOwner | null {
  try {
    const value = JSON.parse(content) as Partial<LockOwner>;
    if (typeof value.pid !== "number" || !Number.isInteger(value.pid) || value.pid <= 0) return null;
    return { pid: value.pid, startTime: typeof value.startTime === "string" ? value.startTime : null, command: String(value.command ?? "") };
  } catch {
    return null; // unreadable lock: treat as stale
  }
}

function isAlive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const stat = procStat(owner.pid);
  if (stat === null) return true; // no /proc: trust kill(0)
  if (stat.state === "Z") return false; // killed, not yet reaped by its parent
  return owner.startTime === null || stat.startTime === owner.startTime;
}

function processStartTime(pid: number): string | null {
  return procStat(pid)?.startTime ?? null;
}

/** Fields 3 (state) and 22 (start time in clock ticks since boot) of /proc/<pid>/stat. */
function procStat(pid: number): { state: string; startTime: string } | null {
  const stat = readIfExists(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // The command name (field 2) is in parentheses and may contain spaces: count from the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { state: fields[0] ?? "", startTime: fields[19] ?? "" };
}

function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
