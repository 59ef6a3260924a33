/**
 * tRPC-shaped JSON errors for the answers given before tRPC sees a request (a body over the limit,
 * an HTTP method tRPC has no use for). Same shape as server/api/trpc.ts's error formatter, through
 * superjson like every tRPC response, so the client shows them like any other error.
 */
import superjson from "superjson";
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { errorMessage, type ErrorKey } from "@/server/i18n/error-messages.ts";
import { localeFromCookieHeader } from "@/server/i18n/locales.ts";

/** Largest request body /api/trpc accepts. Procedures take short inputs (names, comments). */
export const maxTrpcBodyBytes = 64 * 1024;

export interface TrpcErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function trpcErrorAnswer(
  status: number,
  code: TRPC_ERROR_CODE_KEY,
  key: ErrorKey,
  cookieHeader: string | null | undefined,
  extraHeaders: Record<string, string> = {},
): TrpcErrorAnswer {
  const locale = localeFromCookieHeader(cookieHeader);
  const shape = {
    message: errorMessage(locale, key),
    code: TRPC_ERROR_CODES_BY_KEY[code],
    data: { code, httpStatus: status },
  };
  return {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...extraHeaders },
    body: JSON.stringify({ error: superjson.serialize(shape) }),
  };
}

export function trpcErrorResponse(...args: Parameters<typeof trpcErrorAnswer>): Response {
  const answer = trpcErrorAnswer(...args);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
