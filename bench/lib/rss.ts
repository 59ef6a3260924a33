/**
 * Peak memory of the server: the resident set of its whole process tree (the tsx launcher, the
 * node process that serves, anything they spawn), polled from /proc while load runs; and the CPU
 * time the tree used, which tells whether the server or the load generator was the limit.
 * Linux only; elsewhere the figures are reported as unknown.
 */
import fs from "node:fs";

/** Parses /proc/<pid>/stat: the parent pid is the 2nd field after the command, which may hold ")" and spaces. */
export function parentPidFromStat(stat: string): number | null {
  const end = stat.lastIndexOf(")");
  if (end === -1) return null;
  const fields = stat.slice(end + 2).split(" ");
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? ppid : null;
}

/** User plus system CPU time in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
export function cpuTicksFromStat(stat: string): number | null {
  const end = stat.lastIndexOf(")");
  if (end === -1) return null;
  const fields = stat.slice(end + 2).split(" ");
  // After the command: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks : null;
}

/** The value in kB of a "Key:   123 kB" line of /proc/<pid>/status. */
export function statusFieldKb(status: string, key: "VmRSS" | "VmHWM"): number | null {
  const match = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status);
  return match ? Number(match[1]) : null;
}

function readProc(pid: number, file: string): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null; // the process ended between listing and reading
  }
}

/** The root and every descendant that is alive now. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(Number(entry), "stat");
    const ppid = stat ? parentPidFromStat(stat) : null;
    if (ppid === null) continue;
    const list = children.get(ppid) ?? [];
    list.push(Number(entry));
    children.set(ppid, list);
  }
  const tree: number[] = [];
  const queue = [rootPid];
  // A tree of more than a few hundred processes would be a bug; the bound keeps a cycle harmless.
  while (queue.length > 0 && tree.length < 1000) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

export interface RssPeak {
  /** Highest total VmRSS of the tree seen in one sample, in bytes; null when never readable. */
  treeBytes: number | null;
  /** Highest VmHWM (the kernel's own peak) of any single process of the tree, in bytes. */
  largestProcessBytes: number | null;
}

export interface RssSampler {
  stop(): RssPeak;
}

/** Samples every intervalMs until stop(); at most maxSamples, so a forgotten sampler ends by itself. */
export function sampleRss(rootPid: number, intervalMs = 200, maxSamples = 10_000): RssSampler {
  let treeKb: number | null = null;
  let hwmKb: number | null = null;
  let samples = 0;
  let tree: number[] = [];
  const sample = () => {
    // Listing /proc costs more than reading a few status files: refresh the tree every 2 s or so.
    if (samples % 10 === 0) tree = processTree(rootPid);
    samples += 1;
    if (samples >= maxSamples) clearInterval(timer);
    let total = 0;
    let seen = false;
    for (const pid of tree) {
      const status = readProc(pid, "status");
      if (!status) continue;
      const rss = statusFieldKb(status, "VmRSS");
      const hwm = statusFieldKb(status, "VmHWM");
      if (rss !== null) {
        total += rss;
        seen = true;
      }
      if (hwm !== null) hwmKb = Math.max(hwmKb ?? 0, hwm);
    }
    if (seen) treeKb = Math.max(treeKb ?? 0, total);
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  sample();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return {
        treeBytes: treeKb === null ? null : treeKb * 1024,
        largestProcessBytes: hwmKb === null ? null : hwmKb * 1024,
      };
    },
  };
}

/** Linux's USER_HZ: /proc reports CPU times in these ticks, 100 a second on every common build. */
const ticksPerSecond = 100;

/** CPU seconds used so far by the processes of the tree that are alive now. */
export function treeCpuSeconds(rootPid: number): number | null {
  let ticks = 0;
  let seen = false;
  for (const pid of processTree(rootPid)) {
    const stat = readProc(pid, "stat");
    const own = stat ? cpuTicksFromStat(stat) : null;
    if (own === null) continue;
    ticks += own;
    seen = true;
  }
  return seen ? ticks / ticksPerSecond : null;
}

/**
 * CPU seconds used so far by the live processes whose command is `name`: "postgres" gives the
 * PostgreSQL server and its backends, so a row on PostgreSQL can tell the database's share from
 * other people's work.
 */
export function namedProcessesCpuSeconds(name: string): number | null {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return null;
  }
  let ticks = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(Number(entry), "stat");
    if (!stat || stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) !== name) continue;
    ticks += cpuTicksFromStat(stat) ?? 0;
  }
  return ticks / ticksPerSecond;
}

/** CPU seconds the whole machine has spent busy (all cores; idle and iowait excluded), from /proc/stat. */
export function machineBusyCpuSeconds(): number | null {
  const line = readProcFile("/proc/stat")?.split("\n")[0];
  if (!line?.startsWith("cpu ")) return null;
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = [user, nice, system, irq, softirq, steal].reduce<number>((sum, value) => sum + (value ?? 0), 0);
  return Number.isFinite(busy) ? busy / ticksPerSecond : null;
}

function readProcFile(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}
