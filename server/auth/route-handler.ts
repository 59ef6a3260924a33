/**
 * The /api/auth/* route: next-auth's handler, with the sign-in email request checked first.
 *
 * POST /api/auth/signin/email validates the address and takes a slot of the sign-in email quota
 * (per mailbox, per client address, per site: email-quota.ts) before next-auth sees it, and answers 400/429 JSON { error, message } in the reader's language
 * (NEXT_LOCALE cookie) so the sign-in form can show why. Everything else goes to next-auth as is.
 *
 * next-auth is driven through its request/response form (NextAuth(req, res, options)) rather than
 * its App Router form, which reads next/headers: this way the handler is a plain function of a
 * Request, testable without a Next.js request scope.
 */
import NextAuth, { type NextAuthOptions } from "next-auth";
import type { Db } from "@/server/db/client.ts";
import { localeFromCookieHeader } from "@/server/i18n/locales.ts";
import { authT } from "./auth-messages.ts";
import { parseEmailAddress } from "./email-address.ts";
import { releaseSignInEmail, reserveSignInEmail, type QuotaLimit, type SignInEmailLimits } from "./email-quota.ts";
import { clientAddressHeader, clientRateLimitKey } from "@/server/http/client-address.ts";
import { runWithRequestLocale } from "./request-locale.ts";

export interface AuthRouteDependencies {
  getOptions: () => NextAuthOptions;
  getDb: () => Promise<Db>;
  /** The sign-in email limits per client and per site (signInEmailLimitsFor); null: none but the mailbox quota. */
  getEmailLimits: () => SignInEmailLimits | null;
}

/** What each limit says when it refuses (messages/<locale>/auth.json), each with the wait. */
const refusalMessages = {
  mailbox: "validation.tooManyEmails",
  client: "validation.tooManyEmailsFromClient",
  site: "validation.signInEmailsPaused",
} as const satisfies Record<QuotaLimit, string>;

export type AuthRouteHandler = (request: Request, segments: string[]) => Promise<Response>;

type FormBody = Record<string, string>;

export function createAuthRouteHandler({ getOptions, getDb, getEmailLimits }: AuthRouteDependencies): AuthRouteHandler {
  return async function handleAuthRequest(request, segments) {
    const locale = localeFromCookieHeader(request.headers.get("cookie"));
    const body = request.method === "POST" ? await readForm(request) : undefined;
    const isEmailSignIn = request.method === "POST" && segments[0] === "signin" && segments[1] === "email";
    if (!isEmailSignIn || !body) return toResponse(await runNextAuth(getOptions(), request, segments, body));

    const t = authT(locale);
    const parsed = parseEmailAddress(body.email);
    if (!parsed.ok) return refusal(400, "invalid_email", t(parsed.key));

    const db = await getDb();
    const client = clientRateLimitKey(request.headers.get(clientAddressHeader));
    const quota = await reserveSignInEmail(db, { email: parsed.email, client }, getEmailLimits());
    if (!quota.allowed) {
      const minutes = quota.retryAfterMinutes;
      return refusal(429, "too_many_emails", t(refusalMessages[quota.limit], { minutes }), {
        "Retry-After": String(minutes * 60),
      });
    }

    let result: RecordedResponse;
    try {
      result = await runWithRequestLocale(locale, () =>
        runNextAuth(getOptions(), request, segments, { ...body, email: parsed.email }),
      );
    } catch (error) {
      await releaseSignInEmail(db, quota.reservationId);
      throw error;
    }
    // next-auth answers a sent email with its verify-request page; anything else (a stale CSRF
    // token, a mail server that refused) sent nothing, so the slot is given back.
    if (!isVerifyRequestRedirect(result.location)) await releaseSignInEmail(db, quota.reservationId);
    return toResponse(result);
  };
}

function refusal(status: 400 | 429, error: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error, message }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

function isVerifyRequestRedirect(location: string | null): boolean {
  if (!location) return false;
  try {
    return new URL(location, "http://x.invalid").pathname.endsWith("/verify-request");
  } catch {
    return false;
  }
}

async function readForm(request: Request): Promise<FormBody> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/x-www-form-urlencoded")) {
      return Object.fromEntries(new URLSearchParams(await request.text()));
    }
    if (type.includes("application/json")) {
      const value: unknown = await request.json();
      if (value && typeof value === "object" && !Array.isArray(value)) {
        return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, String(v)]));
      }
    }
  } catch {
    // An unreadable body is an empty form: next-auth answers it like a missing field.
  }
  return {};
}

interface RecordedResponse {
  status: number;
  headers: Headers;
  body: string | null;
  /** Where next-auth sends the reader: the Location header, or `url` of a JSON answer. */
  location: string | null;
}

/** Runs next-auth's request/response handler against a recorder standing in for the response. */
async function runNextAuth(
  options: NextAuthOptions,
  request: Request,
  segments: string[],
  body: FormBody | undefined,
): Promise<RecordedResponse> {
  const url = new URL(request.url);
  const req = {
    method: request.method,
    headers: Object.fromEntries(request.headers),
    cookies: parseCookies(request.headers.get("cookie")),
    query: { ...Object.fromEntries(url.searchParams), nextauth: segments },
    body: body ?? {},
  };
  const recorder = new ResponseRecorder();
  await (NextAuth as unknown as (req: unknown, res: unknown, options: NextAuthOptions) => Promise<unknown>)(
    req,
    recorder,
    options,
  );
  return recorder.result();
}

function toResponse(result: RecordedResponse): Response {
  const headers = new Headers(result.headers);
  // Every answer here is about one reader's session: never cache it.
  if (!headers.has("cache-control")) headers.set("Cache-Control", "no-store");
  return new Response(result.status === 204 || result.status === 304 ? null : result.body, {
    status: result.status,
    headers,
  });
}

function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    if (!name || name in cookies) continue;
    const raw = part.slice(index + 1).trim().replace(/^"(.*)"$/, "$1");
    try {
      cookies[name] = decodeURIComponent(raw);
    } catch {
      cookies[name] = raw;
    }
  }
  return cookies;
}

/** The subset of Node's ServerResponse / NextApiResponse that next-auth's handler uses. */
class ResponseRecorder {
  private statusCode = 200;
  private readonly headers = new Headers();
  private body: string | null = null;
  private jsonUrl: string | null = null;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  setHeader(name: string, value: string | number | readonly string[]): this {
    if (Array.isArray(value)) {
      this.headers.delete(name);
      for (const item of value) this.headers.append(name, String(item));
    } else {
      this.headers.set(name, String(value));
    }
    return this;
  }

  getHeader(name: string): string | string[] | undefined {
    if (name.toLowerCase() === "set-cookie") return this.headers.getSetCookie();
    return this.headers.get(name) ?? undefined;
  }

  end(): this {
    return this;
  }

  json(value: unknown): this {
    this.headers.set("Content-Type", "application/json");
    this.body = JSON.stringify(value);
    if (value && typeof value === "object" && "url" in value && typeof value.url === "string") this.jsonUrl = value.url;
    return this;
  }

  send(value: unknown): this {
    if (value == null) this.body = null;
    else if (typeof value === "string") this.body = value;
    else return this.json(value);
    return this;
  }

  result(): RecordedResponse {
    return {
      status: this.statusCode,
      headers: this.headers,
      body: this.body,
      location: this.headers.get("location") ?? this.jsonUrl,
    };
  }
}
