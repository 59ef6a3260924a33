/**
 * The HTTP server: Next.js inside a plain node:http server that adds what Next does not do the way
 * we need it — security headers with a hash-based CSP, compression after hashing, a one-second
 * cache of shareable pages, a cache of signed-out tRPC reads cleared by live events
 * (read-cache.ts), and the 64 KB limit on /api/trpc bodies (request-handler.ts).
 * See docs/security-headers.md.
 */
import { createServer, type Server } from "node:http";
import next from "next";
import type { ServerConfig } from "@/server/config/index.ts";
import { getLiveBus } from "@/server/live/process-bus.ts";
import { getDb } from "@/server/db/index.ts";
import { forgetSessionsOnLiveEvents } from "@/server/auth/session-changes.ts";
import { clearReadsOnLiveEvents, ReadCache } from "./read-cache.ts";
import { createRequestHandler } from "./request-handler.ts";
import { listenHosts, listenOnHosts } from "./listen.ts";

export interface AppServerOptions {
  dev: boolean;
  /** The project folder (where next.config.ts is). */
  dir: string;
  /** `isLocalSite`: loopback only, else every interface (listen.ts). */
  config: Pick<ServerConfig, "port" | "trustProxy" | "github" | "google" | "isLocalSite">;
}

export interface AppServer {
  /** One per address listened on (listen.ts). */
  servers: Server[];
  url: string;
  close(): Promise<void>;
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const app = next({ dev: options.dev, dir: options.dir, hostname: "localhost", port: options.config.port });
  await app.prepare();

  const formActions = [
    ...(options.config.github ? ["https://github.com"] : []),
    ...(options.config.google ? ["https://accounts.google.com"] : []),
  ];
  // The bus is the process's one (process-bus.ts keeps it on globalThis), shared with Next's code
  // that publishes: its events clear the reads they change before subscribers hear of them.
  const readCache = options.dev ? null : new ReadCache();
  const stopClearingReads = readCache ? clearReadsOnLiveEvents(readCache, getLiveBus()) : null;
  // Sign-out everywhere and role changes made on another app server (server/auth/session-changes.ts).
  const stopForgettingSessions = forgetSessionsOnLiveEvents(getLiveBus(), await getDb());
  const handler = createRequestHandler(app.getRequestHandler(), {
    dev: options.dev,
    formActions,
    trustProxy: options.config.trustProxy,
    pageCache: !options.dev,
    readCache,
    directTrpc: !options.dev,
  });
  const { servers, port } = await listenOnHosts(
    () => {
      const server = createServer(handler);
      if (options.dev) server.on("upgrade", app.getUpgradeHandler());
      return server;
    },
    listenHosts(options.config),
    options.config.port,
  );

  return {
    servers,
    url: `http://localhost:${port}`,
    async close() {
      const closed = Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
      for (const server of servers) server.closeIdleConnections();
      // Requests in flight get a moment to finish; then the rest are cut.
      const cut = setTimeout(() => servers.forEach((server) => server.closeAllConnections()), 5000);
      await closed;
      clearTimeout(cut);
      stopClearingReads?.();
      stopForgettingSessions();
      await app.close();
    },
  };
}
