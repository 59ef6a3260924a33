/**
 * tRPC 11's HTTP wire format, spoken by hand so the load generator sends exactly what the
 * browser's links send (node_modules/@trpc/client/src/links/internals/httpUtils.ts, getUrl and
 * getBody; the app's transformer is superjson):
 *
 * - a query: `GET /api/trpc/<path>?input=<JSON of superjson.serialize(input)>` (httpLink; the
 *   batch link adds `batch=1` and wraps inputs in {"0": …}, see bench/targets.ts's essay.get);
 * - a mutation: `POST /api/trpc/<path>` with the body `superjson.serialize(input)` as JSON;
 * - a subscription: `GET` like a query with `Accept: text/event-stream` (httpSubscriptionLink),
 *   answered with server-sent events (bench/lib/sse.ts).
 *
 * An answer is `{"result":{"data":<serialized output>}}` or `{"error":<serialized error>}`.
 */
import superjson from "superjson";

const endpoint = "/api/trpc";

function encodedInput(input: unknown): string {
  return encodeURIComponent(JSON.stringify(superjson.serialize(input)));
}

/** The path and query of a non-batched query (or of a subscription, which is addressed the same way). */
export function queryPath(procedure: string, input?: unknown): string {
  return input === undefined ? `${endpoint}/${procedure}` : `${endpoint}/${procedure}?input=${encodedInput(input)}`;
}

export function mutationPath(procedure: string): string {
  return `${endpoint}/${procedure}`;
}

/** The JSON body of a mutation. */
export function mutationBody(input: unknown): string {
  return JSON.stringify(superjson.serialize(input));
}

export type TrpcAnswer<T> = { ok: true; data: T } | { ok: false; code: string | null; message: string | null };

/** Reads a non-batched answer: the deserialized output, or the error's code and message. */
export function readAnswer<T = unknown>(text: string): TrpcAnswer<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, code: null, message: "the answer is not JSON" };
  }
  const envelope = parsed as { result?: { data?: unknown }; error?: unknown };
  if (envelope.result && "data" in envelope.result) {
    return { ok: true, data: superjson.deserialize(envelope.result.data as Parameters<typeof superjson.deserialize>[0]) as T };
  }
  if (envelope.error) {
    const error = superjson.deserialize(envelope.error as Parameters<typeof superjson.deserialize>[0]) as {
      message?: unknown;
      data?: { code?: unknown };
    } | null;
    return {
      ok: false,
      code: typeof error?.data?.code === "string" ? error.data.code : null,
      message: typeof error?.message === "string" ? error.message : null,
    };
  }
  return { ok: false, code: null, message: "neither a result nor an error" };
}

/** The value of one server-sent `data:` line of a subscription. */
export function readEventData<T = unknown>(data: string): T {
  return superjson.deserialize(JSON.parse(data) as Parameters<typeof superjson.deserialize>[0]) as T;
}
