/**
 * Live updates: N readers (500) hold the `live.comments` subscription open over server-sent
 * events, as httpSubscriptionLink does; then, round after round, one reader posts a comment and
 * the bench times, for every open connection, how long after the post was sent the comment
 * arrives on it. A connection that has not seen it within `deliveryTimeoutMs` counts as missed.
 */
import http from "node:http";
import { benchUserId, sessionCookieFor } from "../lib/accounts.ts";
import { measureRun } from "../lib/measure.ts";
import { SseReader } from "../lib/sse.ts";
import type { BenchScenario, ScenarioContext } from "../lib/suite.ts";
import { mutationBody, mutationPath, queryPath, readAnswer } from "../lib/trpc-wire.ts";
import { percentile } from "../lib/workload.ts";
import type { CommentsFixture } from "./fixture.ts";

const connectTimeoutMs = 30_000;
const defaultDeliveryTimeoutMs = 5_000;

/** The subscription's input: the essay whose comments to follow. */
export function liveCommentsPath(slug: string): string {
  return queryPath("live.comments", { slug });
}

interface Listener {
  request: http.ClientRequest;
  /** Resolves when the server's `connected` event arrives; rejects when the stream fails first. */
  connected: Promise<void>;
  /** The marker this listener waits for, and what to do on seeing it. */
  waitFor: { marker: string; seen(at: number): void } | null;
  status: number;
}

function listen(baseUrl: string, path: string): Listener {
  const url = new URL(path, baseUrl);
  let onConnected!: () => void;
  let onFailed!: (error: Error) => void;
  const connected = new Promise<void>((resolve, reject) => {
    onConnected = resolve;
    onFailed = reject;
  });
  connected.catch(() => undefined); // awaited later; a failure before then is not "unhandled"
  const listener: Listener = { request: null as unknown as http.ClientRequest, connected, waitFor: null, status: 0 };
  const reader = new SseReader((event) => {
    if (event.event === "connected") onConnected();
    else if (event.event === "message" && listener.waitFor && event.data.includes(listener.waitFor.marker)) {
      const waiting = listener.waitFor;
      listener.waitFor = null;
      waiting.seen(performance.now());
    }
  });
  listener.request = http.get(url, { agent: false, headers: { accept: "text/event-stream" } }, (response) => {
    listener.status = response.statusCode ?? 0;
    if (listener.status !== 200) {
      onFailed(new Error(`status ${listener.status}`));
      response.resume();
      return;
    }
    response.on("data", (chunk: Buffer) => reader.push(chunk));
    response.on("end", () => onFailed(new Error("the stream ended")));
    response.on("error", onFailed);
  });
  listener.request.on("error", onFailed);
  return listener;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function postComment(context: ScenarioContext, cookie: string, slug: string, body: string): Promise<void> {
  const url = new URL(mutationPath("comments.create"), context.baseUrl);
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", cookie }, body: mutationBody({ slug, body }) });
  const answer = readAnswer(await response.text());
  if (!response.ok || !answer.ok) throw new Error(`posting the live comment failed: ${response.status} ${answer.ok ? "" : answer.message}`);
}

export function liveDelivery(fixture: () => CommentsFixture, { deliveryTimeoutMs = defaultDeliveryTimeoutMs } = {}): BenchScenario {
  return {
    kind: "scenario",
    label: "live: a new comment reaching every open `live.comments` connection",
    goal: { maxP99Ms: 1000 },
    async run(context) {
      const { main, livePoster } = fixture();
      const { liveConnections, liveRounds } = context.options;
      const cookie = sessionCookieFor(benchUserId(livePoster.prefix, 1));
      const listeners = Array.from({ length: liveConnections }, () => listen(context.baseUrl, liveCommentsPath(main.slug)));
      try {
        const opened = await Promise.allSettled(listeners.map((l) => withTimeout(l.connected, connectTimeoutMs, "connecting")));
        const open = listeners.filter((_, i) => opened[i]!.status === "fulfilled");
        if (open.length === 0) {
          const first = opened.find((o): o is PromiseRejectedResult => o.status === "rejected");
          throw new Error(`no live connection opened (${(first?.reason as Error | undefined)?.message ?? "unknown"})`);
        }
        context.step(`    ${open.length} of ${liveConnections} connections open; ${liveRounds} rounds`);
        const latencies: number[] = [];
        let missed = 0;
        const measured = await measureRun(
          "live",
          context.serverPid,
          async () => undefined,
          async () => {
            for (let round = 0; round < liveRounds; round++) {
              const marker = `bench-live-${round}-${Math.random().toString(36).slice(2, 10)}`;
              const sentAt = performance.now();
              const arrivals = open.map(
                (listener) =>
                  new Promise<number | null>((resolve) => {
                    const timer = setTimeout(() => {
                      listener.waitFor = null;
                      resolve(null);
                    }, deliveryTimeoutMs);
                    listener.waitFor = {
                      marker,
                      seen(at) {
                        clearTimeout(timer);
                        resolve(at - sentAt);
                      },
                    };
                  }),
              );
              await postComment(context, cookie, main.slug, `实时评论 live comment ${marker}`);
              for (const arrival of await Promise.all(arrivals)) {
                if (arrival === null) missed++;
                else latencies.push(arrival);
              }
            }
            latencies.sort((a, b) => a - b);
            const refused = listeners.length - open.length;
            return {
              requestsPerSecond: Number.NaN,
              p50Ms: latencies.length > 0 ? percentile(latencies, 50) : Number.POSITIVE_INFINITY,
              p99Ms: missed > 0 ? Number.POSITIVE_INFINITY : percentile(latencies, 99),
              errors: missed + refused,
              non2xx: listeners.filter((l) => l.status !== 0 && l.status !== 200).length,
              totalRequests: latencies.length + missed,
              statusCounts: {},
            };
          },
        );
        const notes = [
          `live on ${liveConnections} connections × ${liveRounds} comments: ${latencies.length.toLocaleString("en-US")} deliveries timed` +
            (missed > 0 ? `, **${missed} missed** (none within ${deliveryTimeoutMs / 1000} s: p99 counts them as never)` : ", none missed") +
            (open.length < liveConnections ? `, ${liveConnections - open.length} connections never opened` : "") +
            `; p50/p99 are from sending the post to the event's arrival.`,
        ];
        return { measured, notes };
      } finally {
        for (const listener of listeners) listener.request.destroy();
      }
    },
  };
}
