import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { percentile, runWorkload, summarize } from "./workload.ts";

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([5], 99)).toBe(5);
    expect(percentile([], 50)).toBe(0);
  });
});

describe("summarize", () => {
  it("gives rate, latencies and status counts in autocannon's terms", () => {
    const samples = [
      { latencyMs: 4, status: 200 },
      { latencyMs: 2, status: 200 },
      { latencyMs: 9, status: 429 },
    ];
    expect(summarize(samples, 1, 2)).toEqual({
      requestsPerSecond: 1.5,
      p50Ms: 4,
      p99Ms: 9,
      errors: 1,
      non2xx: 1,
      totalRequests: 4,
      statusCounts: { "200": 2, "429": 1 },
    });
  });
});

describe("runWorkload", () => {
  it("sends each prepared request once over keep-alive connections and reads every answer", async () => {
    const seen: string[] = [];
    const sockets = new Set<unknown>();
    const server = http.createServer((request, response) => {
      sockets.add(request.socket);
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        seen.push(`${request.headers.cookie} ${body}`);
        response.writeHead(body.includes("refuse") ? 429 : 200).end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    let sent = 0;
    const answers: number[] = [];
    try {
      const result = await runWorkload({
        baseUrl: `http://127.0.0.1:${port}`,
        connections: 4,
        warmupSeconds: 0,
        seconds: 30,
        next: () => (sent < 40 ? { method: "POST", path: "/x", headers: { cookie: `u${sent % 4}` }, body: sent++ % 10 === 9 ? "refuse" : "ok" } : null),
        onAnswer: (_request, status) => answers.push(status),
      });
      expect(result.exhausted).toBe(true);
      expect(result.totalRequests).toBe(40);
      expect(result.non2xx).toBe(4);
      expect(answers.filter((status) => status === 200)).toHaveLength(36);
      expect(new Set(seen).size).toBeGreaterThan(1);
      expect(sockets.size).toBeLessThanOrEqual(4);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
