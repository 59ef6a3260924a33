/**
 * comments.mine: the reader's own comments on an essay that others do not see as written — held
 * for review, or removed by a moderator — with the reason and the moderator's note, newest first
 * (at most 100). The comment section merges them into the thread it shows its author, so nobody is
 * shadow-banned: the author always knows (docs/moderation.md).
 */
import type { SessionUser } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { loadAuthors } from "@/server/comments/authors.ts";
import { essayForComments } from "@/server/comments/essay.ts";
import { ownModeratedRows } from "@/server/comments/rows.ts";
import { ownModeratedView } from "@/server/comments/views.ts";
import type { CommentView } from "./schemas.ts";

export const myModeratedLimit = 100;

export async function myModeratedComments(db: Db, user: SessionUser, slug: string | undefined): Promise<{ items: CommentView[] }> {
  const essay = await essayForComments(db, slug);
  const rows = await ownModeratedRows(db, essay.id, user.id, myModeratedLimit);
  if (rows.length === 0) return { items: [] };
  const authors = await loadAuthors(db, essay.id, [user.id]);
  const reader = { id: user.id, role: user.role };
  return { items: rows.map((row) => ownModeratedView(row, authors.get(user.id), reader)) };
}
