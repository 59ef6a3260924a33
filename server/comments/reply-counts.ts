/**
 * Keeping replyCount exact when a comment leaves or rejoins what readers see (docs/comments.md,
 * "Tombstones"): a deletion, a moderator's rejection, a hold (community flags, a held edit) take
 * it out; approving a held comment puts it back. Call inside the writing transaction, after the
 * comment's own row is locked: each parent is locked in turn, child before parent, the order
 * every writer locks in.
 */
import type { Prisma } from "@/server/db/generated/client.ts";

/**
 * A reply of `parentId` is gone: decrements its replyCount, and walks up while the parent is a
 * tombstone left with no visible reply. Returns the ancestors that went with it.
 */
export async function releaseFromParents(tx: Prisma.TransactionClient, parentId: string | null): Promise<string[]> {
  const gone: string[] = [];
  let next = parentId;
  while (next !== null) {
    const [parent] = await tx.$queryRaw<{ id: string; parentId: string | null; status: string; replyCount: number }[]>`
      SELECT id, "parentId", status::text AS status, "replyCount" FROM "Comment" WHERE id = ${next} FOR UPDATE`;
    if (!parent) return gone;
    const replyCount = Math.max(0, parent.replyCount - 1);
    await tx.comment.update({ where: { id: parent.id }, data: { replyCount }, select: { id: true } });
    if (parent.status === "VISIBLE" || replyCount > 0) return gone;
    gone.push(parent.id);
    next = parent.parentId;
  }
  return gone;
}

/**
 * A held reply of `parentId` becomes visible: increments its replyCount, and walks up while the
 * parent is a tombstone that had no visible reply (it was gone, and now holds one again). Returns
 * the ancestors that came back.
 */
export async function attachToParents(tx: Prisma.TransactionClient, parentId: string | null): Promise<string[]> {
  const back: string[] = [];
  let next = parentId;
  while (next !== null) {
    const [parent] = await tx.$queryRaw<{ id: string; parentId: string | null; status: string; replyCount: number }[]>`
      SELECT id, "parentId", status::text AS status, "replyCount" FROM "Comment" WHERE id = ${next} FOR UPDATE`;
    if (!parent) return back;
    await tx.comment.update({ where: { id: parent.id }, data: { replyCount: parent.replyCount + 1 }, select: { id: true } });
    if (parent.status === "VISIBLE" || parent.replyCount > 0) return back;
    back.push(parent.id);
    next = parent.parentId;
  }
  return back;
}
