/**
 * How tRPC streams subscriptions over server-sent events (initTRPC's `sse` option). The server
 * pings every 10 s so proxies keep an idle stream open and a client can tell a dead connection
 * from a quiet one: the client reconnects after 25 s without a byte (it resumes from the last
 * event id it saw, so nothing is lost).
 */
export const liveSseOptions = {
  ping: { enabled: true, intervalMs: 10_000 },
  client: { reconnectAfterInactivityMs: 25_000 },
} as const;
