/**
 * The one tRPC endpoint. Errors are logged here with their cause; what the client receives is
 * only the code and a translated message (server/api/trpc.ts's error formatter).
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root.ts";
import { createContextFromHeaders } from "@/server/api/trpc.ts";
import { maxTrpcBodyBytes, trpcErrorResponse } from "@/server/http/trpc-error-response.ts";

export const dynamic = "force-dynamic";

async function handle(req: Request): Promise<Response> {
  const limited = await withBodyLimit(req);
  if (limited instanceof Response) return limited;
  const malformed = await refuseMalformedJson(limited);
  if (malformed) return malformed;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: limited,
    router: appRouter,
    createContext: ({ req: request, resHeaders }) => createContextFromHeaders(request.headers, resHeaders),
    onError({ error, path, type }) {
      const where = `[trpc] ${type} ${path ?? "(no path)"}`;
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`${where} failed:`, error.cause ?? error);
      else if (process.env.NODE_ENV === "development") console.warn(`${where}: ${error.code} ${error.message}`);
    },
  });
}

/**
 * Refuses bodies over the limit without reading past it. The custom server (server/http/) checks
 * first; this is the same rule for when the app runs behind another server (`next start`).
 */
async function withBodyLimit(req: Request): Promise<Request | Response> {
  if (req.method !== "POST" || !req.body) return req;
  const tooLarge = () => trpcErrorResponse(413, "PAYLOAD_TOO_LARGE", "payloadTooLarge", req.headers.get("cookie"));
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxTrpcBodyBytes) return tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxTrpcBodyBytes) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  return new Request(req.url, { method: req.method, headers: req.headers, body: Buffer.concat(chunks), signal: req.signal });
}

/**
 * tRPC rejects malformed JSON too, but before it knows the reader (its error formatter then has no
 * context and so no locale): answering here keeps the message in the reader's language.
 */
async function refuseMalformedJson(req: Request): Promise<Response | null> {
  const text = req.method === "POST" ? await req.clone().text() : new URL(req.url).searchParams.get("input");
  if (text === null || (req.method === "POST" && text === "")) return null;
  try {
    JSON.parse(text);
    return null;
  } catch {
    return trpcErrorResponse(400, "PARSE_ERROR", "malformedRequest", req.headers.get("cookie"));
  }
}

/** Methods tRPC has no use for: a JSON 405 rather than Next's empty one. */
function methodNotAllowed(req: Request): Response {
  return trpcErrorResponse(405, "METHOD_NOT_SUPPORTED", "wrongMethod", req.headers.get("cookie"), { allow: "GET, POST" });
}

export { handle as GET, handle as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
