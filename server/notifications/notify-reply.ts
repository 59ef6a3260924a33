/**
 * Tells a comment's author that someone replied. PLACEHOLDER until notifications land.
 */
import type { Prisma } from "@/server/db/generated/client.ts";

export interface ReplyNotice {
  replyId: string;
  replyAuthorId: string;
  /** The author of the comment replied to. */
  parentAuthorId: string;
}

/** Call inside the reply's transaction; nothing is written when people reply to themselves. */
export async function notifyReply(_tx: Prisma.TransactionClient, _notice: ReplyNotice): Promise<void> {}
