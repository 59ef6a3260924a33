/**
 * The load generator: autocannon on loopback, a fixed number of connections, a warm-up whose
 * figures are thrown away, then the measured run.
 */
import autocannon from "autocannon";

export interface LoadSettings {
  url: string;
  headers: Record<string, string>;
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  totalRequests: number;
  statusCounts: Record<string, number>;
}

/** Load whose figures are thrown away: JIT, caches and connection pools settle. */
export async function warmUp(settings: LoadSettings): Promise<void> {
  if (settings.warmupSeconds > 0) await runOnce(settings, settings.warmupSeconds);
}

export async function runLoad(settings: LoadSettings): Promise<LoadResult> {
  const result = await runOnce(settings, settings.seconds);
  const statusCounts: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) statusCounts[status] = count;
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    totalRequests: result.requests.total,
    statusCounts,
  };
}

async function runOnce(settings: LoadSettings, seconds: number): Promise<autocannon.Result> {
  if (new URL(settings.url).hostname !== "127.0.0.1") throw new Error("bench load only targets 127.0.0.1");
  const instance = autocannon({
    url: settings.url,
    connections: settings.connections,
    duration: seconds,
    headers: settings.headers,
    timeout: 10,
  });
  // autocannon stops itself after `duration`; this guard only matters if it ever does not.
  const guard = setTimeout(() => instance.stop(), (seconds + 30) * 1000);
  try {
    return await instance;
  } finally {
    clearTimeout(guard);
  }
}
