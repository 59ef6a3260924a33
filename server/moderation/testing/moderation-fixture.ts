/**
 * What moderation tests share: settings as a real site has them (pre-moderation on), watched
 * terms written and announced as the admin procedures do, accounts of a chosen age, and comments
 * written through the handlers without the per-account rate limits (their own tests cover those).
 */
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import type { Role, WatchedTermAction } from "@/server/db/generated/enums.ts";
import { unlimitedCommentRate } from "@/server/comments/rate-limits.ts";
import { createComment } from "@/server/api/routers/comments/create-comment.ts";
import { editComment } from "@/server/api/routers/comments/edit-comment.ts";
import type { CommentCreateInput } from "@/server/api/routers/comments/schemas.ts";
import { createTestUser } from "@/server/test/caller.ts";
import { announceWatchListChanged } from "../watched-terms.ts";

export const testRequest = { ip: "203.0.113.7", userAgent: "vitest moderation" };

export async function setSiteSettings(
  db: Db,
  settings: Partial<{ premoderateFirstN: number; flagHideThreshold: number; newAccountDays: number; newAccountLinkLimit: number }>,
): Promise<void> {
  await db.siteSetting.update({ where: { id: 1 }, data: settings });
}

export async function setWatchedTerms(
  db: Db,
  terms: { term: string; action: WatchedTermAction; fields?: string[]; tag?: string | null }[],
  allow: string[] = [],
): Promise<void> {
  await db.watchedTerm.deleteMany();
  await db.watchedAllowPhrase.deleteMany();
  if (terms.length > 0) {
    await db.watchedTerm.createMany({ data: terms.map((t) => ({ term: t.term, action: t.action, fields: t.fields ?? ["body", "displayName", "link"], tag: t.tag ?? null })) });
  }
  if (allow.length > 0) await db.watchedAllowPhrase.createMany({ data: allow.map((phrase) => ({ phrase })) });
  await announceWatchListChanged(db);
}

/** A reader whose account is `days` old (0: brand new). */
export async function readerAged(db: Db, days: number, role: Role = "USER"): Promise<SessionUser> {
  const user = await createTestUser(db, { role });
  await db.user.update({ where: { id: user.id }, data: { createdAt: new Date(Date.now() - days * 86_400_000) } });
  return user;
}

/** comments.create as `user`, without the rate limits. */
export function post(db: Db, user: SessionUser, input: CommentCreateInput, now?: Date) {
  return createComment(db, user, input, { rateGate: unlimitedCommentRate, request: testRequest, ...(now ? { now } : {}) });
}

export function edit(db: Db, user: SessionUser, commentId: string, body: string, now?: Date) {
  return editComment(db, user, { commentId, body }, { rateGate: unlimitedCommentRate, request: testRequest, ...(now ? { now } : {}) });
}
