/**
 * Child processes the bench owns: each in its own process group (so that stopping it also stops
 * whatever it spawned: tsx's node, build workers), its output kept in a log file and the last
 * lines in memory for error messages.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import type { Cleanups } from "./cleanup.ts";

export interface OwnedProcess {
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  hasExited(): boolean;
  /** The last lines of its output, for error messages. */
  tail(): string;
  /** SIGTERM to the group, then SIGKILL after graceMs; resolves once the leader is gone. */
  stop(graceMs?: number): Promise<void>;
}

const tailLines = 40;

export function spawnOwned(
  cleanups: Cleanups,
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; ipc?: boolean },
): OwnedProcess {
  const log = fs.openSync(options.logFile, "a");
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true, // its own process group: kill(-pid) reaches the whole tree
    stdio: ["ignore", "pipe", "pipe", ...(options.ipc ? (["ipc"] as const) : [])],
  });
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  const pid = child.pid;

  const recent: string[] = [];
  let logOpen = true;
  const keep = (chunk: Buffer) => {
    if (logOpen) fs.writeSync(log, chunk);
    for (const line of chunk.toString("utf8").split("\n")) {
      if (line.trim() === "") continue;
      recent.push(line);
      if (recent.length > tailLines) recent.shift();
    }
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  let done = false;
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => {
      done = true;
      resolve(code ?? signal ?? "unknown");
    });
    child.once("error", (error) => {
      done = true;
      recent.push(String(error));
      resolve("spawn-error");
    });
  });
  // "close", not "exit": output may still arrive after the process has exited.
  child.once("close", () => {
    logOpen = false;
    fs.closeSync(log);
  });

  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // ESRCH: the whole group is already gone.
    }
  };

  const stop = async (graceMs = 10_000) => {
    killGroup("SIGTERM");
    const timedOut = await Promise.race([
      exited.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs).unref()),
    ]);
    // Children of the leader may outlive it; the group is finished either way.
    killGroup("SIGKILL");
    if (timedOut) await exited;
  };

  // Stays registered even after the leader exits: members of its group may remain.
  const forget = cleanups.add({ name, run: () => stop(), runSync: () => killGroup("SIGKILL") });

  return {
    pid,
    child,
    exited,
    hasExited: () => done,
    tail: () => recent.join("\n"),
    stop: async (graceMs?: number) => {
      await stop(graceMs);
      forget();
    },
  };
}
