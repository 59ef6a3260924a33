/**
 * Starts and stops the ceiling server (ceiling-process.ts) with bytes and headers captured
 * from the app, and says which of the app's headers it repeats.
 */
import fs from "node:fs";
import path from "node:path";
import type { IncomingHttpHeaders } from "node:http";
import type { Cleanups } from "./cleanup.ts";
import { spawnOwned, type OwnedProcess } from "./child.ts";

/** Per-connection or per-response headers that a server computes rather than repeats. */
const computedHeaders = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

export function headersToRepeat(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || computedHeaders.has(name.toLowerCase())) continue;
    kept[name] = value;
  }
  return kept;
}

export interface CeilingServer {
  baseUrl: string;
  process: OwnedProcess;
  stop(): Promise<void>;
}

export async function startCeilingServer(
  cleanups: Cleanups,
  options: { projectDir: string; port: number; body: Buffer; headers: IncomingHttpHeaders; scratchDir: string },
): Promise<CeilingServer> {
  const bodyFile = path.join(options.scratchDir, "ceiling-body.bin");
  const headersFile = path.join(options.scratchDir, "ceiling-headers.json");
  fs.writeFileSync(bodyFile, options.body);
  fs.writeFileSync(headersFile, JSON.stringify(headersToRepeat(options.headers)));
  const entry = path.join(options.projectDir, "bench/lib/ceiling-process.ts");
  const ceiling = spawnOwned(
    cleanups,
    "ceiling server",
    process.execPath,
    ["--import", "tsx", entry, String(options.port), bodyFile, headersFile],
    { cwd: options.projectDir, env: process.env, logFile: path.join(options.scratchDir, "ceiling.log"), ipc: true },
  );
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ceiling server did not listen within 30 s\n${ceiling.tail()}`)), 30_000);
    ceiling.child.once("message", () => {
      clearTimeout(timer);
      resolve();
    });
    void ceiling.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`ceiling server exited (${code}) before listening\n${ceiling.tail()}`));
    });
  });
  try {
    await listening;
  } catch (error) {
    await ceiling.stop(2000);
    throw error;
  }
  return { baseUrl: `http://127.0.0.1:${options.port}`, process: ceiling, stop: () => ceiling.stop() };
}
