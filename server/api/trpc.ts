/**
 * tRPC: the request context, the procedure builders (public, signedIn, moderator, admin)
 * and the error formatter that speaks the reader's language and never sends internals.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { getDb } from "@/server/db/index.ts";
import type { Db } from "@/server/db/client.ts";
import { sessionCookieFromHeader, sessionFromToken, type SessionUser } from "@/server/auth/session-user.ts";
import { extendCachedSession } from "@/server/auth/session-cache.ts";
import { isRenewalDue, renewSession, sessionCookieHeader } from "@/server/auth/session-lifetime.ts";
import { localeFromCookieHeader, type AppLocale } from "@/server/i18n/locales.ts";
import { errorMessage, isErrorKey } from "@/server/i18n/error-messages.ts";
import { clientAddressHeader } from "@/server/http/client-address.ts";
import { liveSseOptions } from "@/server/live/sse-options.ts";
import { appError, UserFacingError } from "./errors.ts";

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface Context {
  db: Db;
  user: SessionUser | null;
  /** The reader's interface language, for messages. */
  locale: AppLocale;
  request: RequestMeta;
  /** Headers to add to the HTTP response (cookies), when there is one. */
  responseHeaders: Headers | null;
}

export async function createContextFromHeaders(headers: Headers, responseHeaders: Headers | null = null): Promise<Context> {
  const db = await getDb();
  const cookieHeader = headers.get("cookie");
  const cookie = sessionCookieFromHeader(cookieHeader);
  const now = Date.now();
  const session = await sessionFromToken(db, cookie?.token ?? null, now);
  const user = session?.user ?? null;
  // Sessions slide (session-lifetime.ts): renewed at most daily, on an answer that can carry the cookie.
  if (cookie && session && responseHeaders && isRenewalDue(session.expiresAt, now)) {
    const expires = await renewSession(db, cookie.token, now);
    if (expires) {
      extendCachedSession(db, cookie.token, expires.getTime());
      responseHeaders.append("Set-Cookie", sessionCookieHeader(cookie.name, cookie.token, expires));
    }
  }
  return {
    db,
    user,
    locale: user?.locale ?? localeFromCookieHeader(cookieHeader),
    request: {
      // Stamped by the custom server (server/http/client-address.ts); client-sent headers are not trusted.
      ip: headers.get(clientAddressHeader) || null,
      userAgent: headers.get("user-agent"),
    },
    responseHeaders,
  };
}

function fieldName(path: PropertyKey[]): string {
  return path.map(String).join(".") || "input";
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Keep-alive pings and client reconnects for live subscriptions (server/live/sse-options.ts).
  sse: liveSseOptions,
  errorFormatter({ shape, error, ctx }) {
    const locale: AppLocale = ctx?.locale ?? "zh";
    const cause = error.cause;
    let message: string;
    let fieldErrors: Record<string, string> | undefined;

    if (cause instanceof UserFacingError) {
      message = errorMessage(locale, cause.key, cause.params);
    } else if (cause instanceof z.core.$ZodError) {
      // Any zod error: tRPC's own input checks, and a handler's refusal of one field of a form,
      // thrown as new TRPCError({ code: "BAD_REQUEST", cause: new ZodRealError([{ path, message: key }]) }).
      // (ZodRealError, not ZodError: a zod 4 ZodError is not `instanceof Error`, and TRPCError
      // replaces such a cause with a copy that has lost its issues.)
      fieldErrors = {};
      for (const issue of cause.issues) {
        const field = fieldName(issue.path);
        fieldErrors[field] ??= isErrorKey(issue.message)
          ? errorMessage(locale, issue.message)
          : errorMessage(locale, "invalidInput", { field });
      }
      message = Object.values(fieldErrors)[0] ?? errorMessage(locale, "invalidInputGeneric");
    } else {
      message = messageForFrameworkError(error, locale);
    }

    // Only the code, HTTP status and translated message leave the server: no stack, no cause.
    return {
      message,
      code: shape.code,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fieldErrors },
    };
  },
});

/** tRPC's own errors (bad path, bad JSON, wrong method) and anything unexpected. */
function messageForFrameworkError(error: TRPCError, locale: AppLocale): string {
  switch (error.code) {
    case "PARSE_ERROR":
      return errorMessage(locale, "malformedRequest");
    case "NOT_FOUND":
      return /No procedure found on path "([^"]*)"/.test(error.message)
        ? errorMessage(locale, "unknownPath", { path: error.message.match(/"([^"]*)"/)?.[1] ?? "" })
        : errorMessage(locale, "notFound");
    case "METHOD_NOT_SUPPORTED":
      return errorMessage(locale, "wrongMethod");
    case "PAYLOAD_TOO_LARGE":
      return errorMessage(locale, "payloadTooLarge");
    case "BAD_REQUEST":
      return errorMessage(locale, "invalidInputGeneric");
    case "UNAUTHORIZED":
      return errorMessage(locale, "signInRequired");
    case "FORBIDDEN":
      return errorMessage(locale, "forbidden");
    case "TOO_MANY_REQUESTS":
      return errorMessage(locale, "rateLimited", { seconds: 60 });
    default:
      return errorMessage(locale, "internal");
  }
}

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure;

export const signedInProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw appError("UNAUTHORIZED", "signInRequired");
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const moderatorProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "MODERATOR" && ctx.user.role !== "ADMIN") throw appError("FORBIDDEN", "forbidden");
  return next({ ctx });
});

export const adminProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "ADMIN") throw appError("FORBIDDEN", "forbidden");
  return next({ ctx });
});

export { TRPCError };
