/**
 * comments.list: a page of an essay's top-level comments (Top, Newest or Oldest; all of them or
 * those about one paragraph), each with its first replies, and the count of visible comments.
 * The first page comes from a per-process copy cleared by live events (first-pages.ts).
 */
import type { Db } from "@/server/db/client.ts";
import { visibleCommentCount } from "@/server/comments/counts.ts";
import { essayForComments } from "@/server/comments/essay.ts";
import { firstCommentPage } from "@/server/comments/first-pages.ts";
import { topLevelPage } from "@/server/comments/pages.ts";
import type { CommentReader } from "@/server/comments/views.ts";
import type { CommentsPage, commentsListInput } from "./schemas.ts";
import type { z } from "zod";

export async function listComments(db: Db, input: z.output<typeof commentsListInput>, reader: CommentReader): Promise<CommentsPage> {
  const essay = await essayForComments(db, input.slug);
  const paragraphKey = input.paragraphKey ?? null;
  const params = { essayId: essay.id, paragraphKey, order: input.sort, limit: input.limit };
  const [page, totalCount] = await Promise.all([
    // The first page, which nearly every reader asks for, is kept per process (first-pages.ts).
    input.cursor ? topLevelPage(db, { ...params, cursor: input.cursor }, reader) : firstCommentPage(db, params, reader),
    visibleCommentCount(db, essay.id, paragraphKey),
  ]);
  return { ...page, totalCount };
}
