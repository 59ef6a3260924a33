/**
 * Review claims: "this item is open on a moderator's screen", stored (several app servers share
 * one database) and expiring by itself, so a closed tab never blocks an item for long. The console
 * renews its claim while the item stays open; the queue shows other moderators' live claims.
 */
import type { Db } from "@/server/db/client.ts";
import { moderationQueueChannel } from "@/server/live/channels.ts";
import { publishLiveEventSafely } from "@/server/live/publish.ts";
import { appError } from "@/server/api/errors.ts";

/** Long enough to read an item and decide; the console renews it every minute while it is open. */
export const claimTtlMs = 2 * 60_000;

export interface Claim {
  commentId: string;
  moderatorId: string;
  moderatorName: string | null;
  expiresAt: Date;
  mine: boolean;
}

/**
 * Takes (or renews) the claim unless another moderator holds a live one; either way returns the
 * claim that holds now. One statement: an upsert that only overwrites an expired or own claim.
 */
export async function claimComment(db: Db, moderatorId: string, commentId: string, now = new Date()): Promise<Claim> {
  const expiresAt = new Date(now.getTime() + claimTtlMs);
  const [row] = await db.$queryRaw<{ moderatorId: string; expiresAt: Date; moderatorName: string | null }[]>`
    WITH target AS (SELECT id FROM "Comment" WHERE id = ${commentId}),
    taken AS (
      INSERT INTO "ReviewClaim" ("commentId", "moderatorId", "expiresAt")
      SELECT id, ${moderatorId}, ${expiresAt} FROM target
      ON CONFLICT ("commentId") DO UPDATE SET "moderatorId" = EXCLUDED."moderatorId", "expiresAt" = EXCLUDED."expiresAt"
      WHERE "ReviewClaim"."expiresAt" <= ${now} OR "ReviewClaim"."moderatorId" = EXCLUDED."moderatorId"
      RETURNING "moderatorId", "expiresAt"
    ),
    held AS (
      SELECT "moderatorId", "expiresAt" FROM taken
      UNION ALL
      SELECT rc."moderatorId", rc."expiresAt" FROM "ReviewClaim" rc WHERE rc."commentId" = ${commentId} AND NOT EXISTS (SELECT 1 FROM taken)
    )
    SELECT held."moderatorId", held."expiresAt", u.name AS "moderatorName"
    FROM held LEFT JOIN "User" u ON u.id = held."moderatorId"`;
  if (!row) throw appError("NOT_FOUND", "moderation.comments.notFound");
  if (row.moderatorId === moderatorId) await publishLiveEventSafely(db, moderationQueueChannel, { type: "queue-changed" });
  return { commentId, moderatorId: row.moderatorId, moderatorName: row.moderatorName, expiresAt: row.expiresAt, mine: row.moderatorId === moderatorId };
}

/** Gives up the moderator's own claim (someone else's stays). */
export async function releaseClaim(db: Db, moderatorId: string, commentId: string): Promise<{ released: boolean }> {
  const released = await db.$executeRaw`DELETE FROM "ReviewClaim" WHERE "commentId" = ${commentId} AND "moderatorId" = ${moderatorId}`;
  if (released > 0) await publishLiveEventSafely(db, moderationQueueChannel, { type: "queue-changed" });
  return { released: released > 0 };
}
