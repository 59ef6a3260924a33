/**
 * The tRPC endpoint's request handling, shared by its two ways in: Next's route handler
 * (app/api/trpc/[trpc]/route.ts) and the custom server's direct path (server/http/direct-trpc.ts).
 * Errors are logged here with their cause; what the client receives is only the code and a
 * translated message (server/api/trpc.ts's error formatter).
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root.ts";
import { createContextFromHeaders } from "@/server/api/trpc.ts";
import { maxTrpcBodyBytes, trpcErrorResponse } from "@/server/http/trpc-error-response.ts";

/**
 * Answers a tRPC request whose body (for a POST) was already read as `bodyText`. tRPC's JSON
 * content-type handler reads a POST body with `req.json()` and nothing else
 * (node_modules/@trpc/server/dist/resolveResponse-*.mjs, jsonContentTypeHandler), so `json` is
 * answered from what is parsed here once, instead of copying the request and parsing it again.
 */
export async function handleTrpcRequest(req: Request, bodyText: string | null): Promise<Response> {
  const refused = req.method === "POST" ? attachParsedBody(req, bodyText) : refuseMalformedQueryInput(req);
  if (refused) return refused;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ req: request, resHeaders }) => createContextFromHeaders(request.headers, resHeaders),
    onError({ error, path, type }) {
      const where = `[trpc] ${type} ${path ?? "(no path)"}`;
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`${where} failed:`, error.cause ?? error);
      else if (process.env.NODE_ENV === "development") console.warn(`${where}: ${error.code} ${error.message}`);
    },
  });
}

/** Reads a Request's body within the limit; a Response when it is over the limit. */
export async function readBodyText(req: Request): Promise<string | null | Response> {
  if (!req.body) return null;
  const bytes = await bodyWithinLimit(req, req.body);
  if (bytes instanceof Response) return bytes;
  return new TextDecoder().decode(bytes);
}

function attachParsedBody(req: Request, text: string | null): Response | null {
  if (text === null) return null;
  let parsed: unknown;
  if (text !== "") {
    try {
      parsed = JSON.parse(text);
    } catch {
      return malformed(req);
    }
  }
  // An empty body keeps tRPC's own answer to it (JSON.parse("") throws, as req.json() would).
  Object.defineProperty(req, "json", { value: async () => (text === "" ? JSON.parse(text) : parsed) });
  return null;
}

/**
 * Refuses bodies over the limit without reading past it. The custom server (server/http/) checks
 * first; this is the same rule for when the app runs behind another server (`next start`).
 */
async function bodyWithinLimit(req: Request, body: ReadableStream<Uint8Array>): Promise<Uint8Array | Response> {
  const tooLarge = () => trpcErrorResponse(413, "PAYLOAD_TOO_LARGE", "payloadTooLarge", req.headers.get("cookie"));
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxTrpcBodyBytes) return tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
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
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/**
 * tRPC rejects malformed JSON too, but before it knows the reader (its error formatter then has no
 * context and so no locale): answering here keeps the message in the reader's language.
 */
function refuseMalformedQueryInput(req: Request): Response | null {
  const input = new URL(req.url).searchParams.get("input");
  if (input === null) return null;
  try {
    JSON.parse(input);
    return null;
  } catch {
    return malformed(req);
  }
}

function malformed(req: Request): Response {
  return trpcErrorResponse(400, "PARSE_ERROR", "malformedRequest", req.headers.get("cookie"));
}

/** Methods tRPC has no use for: a JSON 405 rather than Next's empty one. */
export function methodNotAllowed(req: Request): Response {
  return trpcErrorResponse(405, "METHOD_NOT_SUPPORTED", "wrongMethod", req.headers.get("cookie"), { allow: "GET, POST" });
}
