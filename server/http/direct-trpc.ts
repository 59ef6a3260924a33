/**
 * The custom server answers /api/trpc itself, without Next's routing (docs/performance.md).
 *
 * Through Next, a vote spent about a fifth of its CPU in Next's request handling (URL and route
 * matching, its request and response adapters, tracing) before tRPC saw it. tRPC needs none of
 * that: it takes a fetch Request and returns a Response. So the custom server calls the same
 * handler Next's route would (server/api/http-handler.ts) directly.
 *
 * Which copy of that handler: Next bundles the app's server code, and the custom server (run by
 * tsx) would load a second copy with its own module state. Instead, Next's route module hands its
 * handler over when Next loads it (offerDirectTrpcHandler, on globalThis), so direct requests run
 * exactly the code Next's would. Until the first /api/trpc request has loaded the route, requests
 * go through Next, which loads it.
 *
 * What stays with Next: live subscriptions (long-lived streams Next already serves well) and
 * procedures that need Next's request context: poll moderation calls revalidatePath, which only
 * works inside a Next request (directTrpc.test.ts keeps this list honest).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { once } from "node:events";

export type TrpcFetchHandler = (req: Request, bodyText: string | null) => Promise<Response>;

const slot = globalThis as typeof globalThis & { __tuiquanDirectTrpc?: TrpcFetchHandler };

/** Called by Next's route module as it loads. */
export function offerDirectTrpcHandler(handler: TrpcFetchHandler): void {
  slot.__tuiquanDirectTrpc = handler;
}

/** Procedure path prefixes that must go through Next (see above). */
export const proceduresServedByNext = ["live.", "polls.moderation."] as const;

const endpoint = "/api/trpc/";

/** The handler for `req` when the custom server may answer it directly, else null. */
export function directTrpcHandlerFor(req: IncomingMessage): TrpcFetchHandler | null {
  const handler = slot.__tuiquanDirectTrpc;
  if (!handler || (req.method !== "GET" && req.method !== "POST")) return null;
  const url = req.url;
  if (!url?.startsWith(endpoint)) return null;
  const queryAt = url.indexOf("?");
  let paths: string[];
  try {
    paths = decodeURIComponent(url.slice(endpoint.length, queryAt < 0 ? undefined : queryAt)).split(",");
  } catch {
    return null; // a malformed path: Next's answer
  }
  const needsNext = paths.some((path) => proceduresServedByNext.some((prefix) => path.startsWith(prefix)));
  return needsNext ? null : handler;
}

/** Answers `req` with `handler`; the body limit was already applied (body-limit.ts). */
export async function serveTrpcDirectly(handler: TrpcFetchHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const bodyText = req.method === "POST" ? await readBody(req) : null;
  const request = new Request(`http://localhost${req.url}`, { method: req.method, headers: headersOf(req) });
  const response = await handler(request, bodyText);
  await writeResponse(response, res);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString("utf8");
}

/** From the parsed headers, which carry the addresses the custom server stamped over any a client sent. */
function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (value) for (const item of value) headers.append(name, item);
  }
  return headers;
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (!response.body) return void res.end();
  // A streamed batch (application/jsonl) is passed on chunk by chunk; anything else in one write.
  if (!response.headers.get("content-type")?.startsWith("application/jsonl")) {
    return void res.end(Buffer.from(await response.arrayBuffer()));
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (!res.write(value)) await once(res, "drain");
    }
  } finally {
    reader.releaseLock();
  }
  res.end();
}
