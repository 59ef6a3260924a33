/**
 * The load generator for requests autocannon cannot express: each request built on demand (its
 * own body, its own reader's session cookie) and each answer read (to count what the server
 * acknowledged). Closed loop: `connections` workers, each sending its next request as soon as
 * the previous one is answered, over keep-alive connections on loopback. A warm-up whose
 * figures are thrown away comes first; requests sent during it still count as acknowledged
 * (they changed the database too).
 */
import http from "node:http";
import type { LoadResult } from "./load.ts";

export interface WorkloadRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface WorkloadSettings {
  baseUrl: string;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  /** The next request to send, or null when there is nothing left to send (the load then ends early). */
  next(): WorkloadRequest | null;
  /** Called with every complete answer, warm-up included. */
  onAnswer?(request: WorkloadRequest, status: number, body: string): void;
  /** Called when a request got no answer (timeout, reset): the server may still have acted on it. */
  onNoAnswer?(request: WorkloadRequest): void;
  timeoutMs?: number;
}

export interface WorkloadResult extends LoadResult {
  /** Seconds actually loaded in the measured part (shorter when `next` ran out). */
  measuredSeconds: number;
  /** True when `next` ran out before the time was up. */
  exhausted: boolean;
}

/** The value under which `p` percent of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Sample {
  latencyMs: number;
  status: number;
}

/** The figures of a measured run, in autocannon's terms (so both kinds of row print alike). */
export function summarize(samples: readonly Sample[], errors: number, seconds: number): LoadResult {
  const latencies = samples.map((s) => s.latencyMs).sort((a, b) => a - b);
  const statusCounts: Record<string, number> = {};
  let non2xx = 0;
  for (const { status } of samples) {
    statusCounts[status] = (statusCounts[status] ?? 0) + 1;
    if (status < 200 || status > 299) non2xx++;
  }
  return {
    requestsPerSecond: seconds > 0 ? samples.length / seconds : 0,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    errors,
    non2xx,
    totalRequests: samples.length + errors,
    statusCounts,
  };
}

function send(agent: http.Agent, base: URL, request: WorkloadRequest, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) {
      headers["content-type"] ??= "application/json";
      headers["content-length"] = String(Buffer.byteLength(request.body));
    }
    const req = http.request(
      { host: base.hostname, port: base.port, path: request.path, method: request.method, headers, agent, timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on("error", reject);
    req.end(request.body);
  });
}

export async function runWorkload(settings: WorkloadSettings): Promise<WorkloadResult> {
  const base = new URL(settings.baseUrl);
  if (base.hostname !== "127.0.0.1") throw new Error("bench load only targets 127.0.0.1");
  const agent = new http.Agent({ keepAlive: true, maxSockets: settings.connections });
  const timeoutMs = settings.timeoutMs ?? 10_000;
  const warmupEnds = performance.now() + settings.warmupSeconds * 1000;
  const ends = warmupEnds + settings.seconds * 1000;
  const samples: Sample[] = [];
  let errors = 0;
  let exhausted = false;
  let lastAnswerAt = warmupEnds;

  const worker = async () => {
    for (;;) {
      const now = performance.now();
      if (now >= ends) return;
      const request = settings.next();
      if (!request) {
        exhausted = true;
        return;
      }
      const measured = now >= warmupEnds;
      try {
        const answer = await send(agent, base, request, timeoutMs);
        const at = performance.now();
        settings.onAnswer?.(request, answer.status, answer.body);
        if (measured) {
          samples.push({ latencyMs: at - now, status: answer.status });
          lastAnswerAt = Math.max(lastAnswerAt, at);
        }
      } catch {
        settings.onNoAnswer?.(request);
        if (measured) errors++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: settings.connections }, worker));
  } finally {
    agent.destroy();
  }
  const measuredSeconds = Math.max(0, (exhausted ? Math.min(lastAnswerAt, ends) : ends) - warmupEnds) / 1000;
  return { ...summarize(samples, errors, measuredSeconds), measuredSeconds, exhausted };
}
