/**
 * A comment as its writers (edit, delete, vote) check it: read plainly before the rate limit is
 * consulted, then locked (SELECT … FOR UPDATE) inside the writing transaction and checked again.
 */
import { appError } from "@/server/api/errors.ts";
import type { Db } from "@/server/db/client.ts";
import { Prisma } from "@/server/db/generated/client.ts";

export interface LockedComment {
  id: string;
  essayId: string;
  authorId: string;
  parentId: string | null;
  status: "VISIBLE" | "DELETED" | "REMOVED" | "HELD";
  body: string;
  bodyHtml: string;
  score: number;
  replyCount: number;
  createdAt: Date;
}

/** NOT_FOUND comments.notFound for a missing comment, and for a deleted one that readers no longer see. */
export async function readCommentForWrite(tx: Prisma.TransactionClient | Db, commentId: string, { lock }: { lock: boolean }): Promise<LockedComment> {
  const [row] = await tx.$queryRaw<LockedComment[]>`
    SELECT id, "essayId", "authorId", "parentId", status::text AS status, body, "bodyHtml", score, "replyCount", "createdAt"
    FROM "Comment" WHERE id = ${commentId} ${lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
  if (!row || (row.status !== "VISIBLE" && row.replyCount === 0)) throw appError("NOT_FOUND", "comments.notFound");
  return row;
}

export const lockComment = (tx: Prisma.TransactionClient, commentId: string) => readCommentForWrite(tx, commentId, { lock: true });
