/** comments.get: one comment as readers see it; NOT_FOUND when missing or gone. */
import { appError } from "@/server/api/errors.ts";
import type { Db } from "@/server/db/client.ts";
import { visibleRow } from "@/server/comments/rows.ts";
import { commentViews, type CommentReader } from "@/server/comments/views.ts";
import type { CommentView } from "./schemas.ts";

export async function getComment(db: Db, commentId: string, reader: CommentReader): Promise<CommentView> {
  const row = await visibleRow(db, commentId);
  if (!row) throw appError("NOT_FOUND", "comments.notFound");
  const [view] = await commentViews(db, row.essayId, [row], reader);
  return view!;
}
