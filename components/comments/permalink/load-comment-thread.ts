/**
 * A comment in context for its permalink page (/c/<id>), through the anonymous server caller (the
 * same for every reader; the browser then asks again with the reader's own viewer state), and where
 * its essay lives. Null when there is nothing to show: no such comment, deleted without replies,
 * or an id that is not one.
 */
import "server-only";
import { TRPCError } from "@trpc/server";
import { cache } from "react";
import type { CommentThread } from "@/server/api/routers/comments/schemas.ts";
import { getServerCaller } from "@/server/api/server-caller.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";

export interface PermalinkPage {
  thread: CommentThread;
  /** The essay page: "/" for the default essay (the cached path), "/essays/<slug>" otherwise. */
  essayHref: string;
}

export const loadCommentThread = cache(async (locale: AppLocale, commentId: string): Promise<PermalinkPage | null> => {
  const caller = await getServerCaller(locale);
  let thread: CommentThread;
  try {
    thread = await caller.comments.thread({ commentId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  }
  const essays = await caller.essay.list();
  const isDefault = essays[0]?.slug === thread.essay.slug;
  return { thread, essayHref: isDefault ? "/" : `/essays/${encodeURIComponent(thread.essay.slug)}` };
});
