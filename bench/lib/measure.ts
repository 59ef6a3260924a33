/**
 * One row's measurement: warm-up, then the measured load, with the server's peak memory sampled
 * throughout and the CPU each side used over the measured seconds (which side set the pace).
 */
import { runLoad, warmUp, type LoadResult, type LoadSettings } from "./load.ts";
import type { CpuUse } from "./report.ts";
import { machineBusyCpuSeconds, namedProcessesCpuSeconds, sampleRss, treeCpuSeconds } from "./rss.ts";

export interface Measured {
  load: LoadResult;
  /** Peak resident memory of the server's process tree, in bytes. */
  peak: number | null;
  cpu: CpuUse;
}

export function measure(settings: LoadSettings, label: string, serverPid: number): Promise<Measured> {
  return measureRun(label, serverPid, () => warmUp(settings), () => runLoad(settings));
}

/** The same for any load: `warm` runs first, unmeasured; CPU is taken over `run` only. */
export async function measureRun(label: string, serverPid: number, warm: () => Promise<unknown>, run: () => Promise<LoadResult>): Promise<Measured> {
  const sampler = sampleRss(serverPid);
  try {
    await warm();
    const started = {
      wall: performance.now(),
      self: process.cpuUsage(),
      server: treeCpuSeconds(serverPid),
      machine: machineBusyCpuSeconds(),
      database: namedProcessesCpuSeconds("postgres"),
    };
    const load = await run();
    const wall = (performance.now() - started.wall) / 1000;
    const self = process.cpuUsage(started.self);
    const server = treeCpuSeconds(serverPid);
    const machine = machineBusyCpuSeconds();
    const databaseNow = namedProcessesCpuSeconds("postgres");
    // The load generator is this process: autocannon runs on its event loop.
    const loadGenerator = (self.user + self.system) / 1e6 / wall;
    const serverCores = server === null || started.server === null ? null : (server - started.server) / wall;
    // A PostgreSQL server on this machine (the PostgreSQL rows' database; idle in the PGlite rows).
    const database = databaseNow === null || started.database === null ? null : Math.max(0, (databaseNow - started.database) / wall);
    const others =
      machine === null || started.machine === null || serverCores === null
        ? null
        : Math.max(0, (machine - started.machine) / wall - loadGenerator - serverCores - (database ?? 0));
    return { load, peak: sampler.stop().treeBytes, cpu: { loadGenerator, server: serverCores, database, others } };
  } catch (error) {
    sampler.stop();
    throw new Error(`${label}: load failed: ${(error as Error).message}`);
  }
}
