/**
 * comments.preview: the HTML a draft will render to, for anyone drafting a comment, signed in or
 * not (a signed-out reader drafts first and signs in to post). Same normalization and limits as
 * posting (server/comments/body.ts); nothing is stored.
 *
 * Rendering is the one costly thing a signed-out visitor can ask for by the kilobyte, so previews
 * are limited per client: 30 a minute, far more than a writer clicking "Preview" between edits,
 * far less than a script would like. Signed-in readers are counted by account (many readers can
 * share one address behind a campus or carrier NAT), others by the address the app server stamps
 * on the request (server/http/client-address.ts).
 */
import { appError } from "@/server/api/errors.ts";
import { prepareCommentBody } from "@/server/comments/body.ts";
import type { Db } from "@/server/db/client.ts";
import { appRateLimiter } from "@/server/rate-limit/app-rate-limiter.ts";
import type { RateLimit } from "@/server/rate-limit/rate-limiter.ts";

export const previewRateLimit: RateLimit = { max: 30, windowMs: 60_000 };

export interface PreviewClient {
  userId: string | null;
  /** The client's address; null outside the app server (scripts), where every such caller shares one count. */
  ip: string | null;
}

/** The key a client's previews are counted under. */
export function previewRateKey({ userId, ip }: PreviewClient): string {
  return userId ? `user:${userId}` : `ip:${ip ?? "unknown"}`;
}

/** Throws BAD_REQUEST for an empty or over-long body, TOO_MANY_REQUESTS with the wait past the limit. */
export async function previewComment(db: Db, client: PreviewClient, body: string): Promise<{ html: string }> {
  const decision = await appRateLimiter(db, "comment-preview", previewRateLimit).consume(previewRateKey(client));
  if (!decision.allowed) throw appError("TOO_MANY_REQUESTS", "comments.previewRateLimited", { seconds: decision.retryAfterSeconds });
  return { html: prepareCommentBody(body).bodyHtml };
}
