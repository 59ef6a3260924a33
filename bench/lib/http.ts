/**
 * One plain HTTP GET on loopback with the exact bytes and headers of the answer (fetch() would
 * decompress and normalise them, and the ceiling server must serve the bytes as the app sent them).
 */
import http from "node:http";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const maxBodyBytes = 50 * 1024 * 1024;

export function getRaw(url: string, headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<RawResponse> {
  const target = new URL(url);
  if (target.hostname !== "127.0.0.1") throw new Error(`bench only talks to 127.0.0.1, not ${target.hostname}`);
  return new Promise((resolve, reject) => {
    const request = http.get(target, { headers, timeout: timeoutMs, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) request.destroy(new Error(`${url}: body over ${maxBodyBytes} bytes`));
        else chunks.push(chunk);
      });
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error(`${url}: no answer within ${timeoutMs / 1000} s`)));
    request.on("error", reject);
  });
}

/** Polls until the server answers at all (any status), the process dies, or time runs out. */
export async function waitUntilAnswering(
  url: string,
  options: { timeoutMs: number; intervalMs?: number; isAlive: () => boolean; describe: () => string },
): Promise<void> {
  const intervalMs = options.intervalMs ?? 500;
  const deadline = Date.now() + options.timeoutMs;
  const maxAttempts = Math.ceil(options.timeoutMs / intervalMs) + 1;
  let lastError = "";
  for (let attempt = 0; attempt < maxAttempts && Date.now() < deadline; attempt++) {
    if (!options.isAlive()) throw new Error(`the server exited before answering.\n${options.describe()}`);
    try {
      await getRaw(url, {}, Math.max(1000, Math.min(30_000, deadline - Date.now())));
      return;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`no answer from ${url} within ${options.timeoutMs / 1000} s (${lastError}).\n${options.describe()}`);
}
