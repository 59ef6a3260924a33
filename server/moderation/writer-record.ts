/**
 * What the pipeline needs to know about a comment's writer and its essay, in ONE statement (the
 * write path must stay fast: docs/moderation.md, "Cost"): the account's age and role, how many of
 * its comments were published (pre-moderation), its recent record, whether the same text was
 * posted lately, its last comment on the essay (slow mode), its active sanctions, the essay's
 * settings and the site's. Every part is an index seek bounded by a LIMIT.
 */
import type { Db } from "@/server/db/client.ts";
import { Prisma } from "@/server/db/generated/client.ts";
import { activeSanctionSql, sanctionFromJson } from "./sanctions.ts";

type Reader = Db | Prisma.TransactionClient;

/** How far back "recent" reaches, and how many comments it weighs. */
export const recentRecord = { days: 30, comments: 10 } as const;
/** A repeat post is the same text as one of the writer's last 5 comments of the last day. */
export const repeatWindow = { hours: 24, comments: 5 } as const;

export interface ActiveSanction {
  id: string;
  kind: "WARNING" | "SUSPENSION" | "BAN";
  reason: string;
  endsAt: Date | null;
  acknowledgedAt: Date | null;
}

export interface WriterRecord {
  userId: string;
  role: "USER" | "MODERATOR" | "ADMIN";
  joinedAt: Date;
  /** Published comments (VISIBLE or since deleted), counted up to the pre-moderation N only. */
  publishedCount: number;
  /** Of the writer's last recentRecord.comments comments: how many were rejected by a moderator. */
  recentCount: number;
  recentRejected: number;
  /** The same text is among the writer's recent comments (the edited comment itself excepted). */
  repeatsRecent: boolean;
  lastCommentOnEssayAt: Date | null;
  /** The strongest sanction in force (ban > suspension > unacknowledged warning), if any. */
  sanction: ActiveSanction | null;
  essay: { lockedAt: Date | null; lockMessage: string | null; slowModeSeconds: number; premoderateAll: boolean; closeAt: Date | null };
  settings: { premoderateFirstN: number; flagHideThreshold: number; newAccountDays: number; newAccountLinkLimit: number };
}

interface Row {
  userId: string;
  role: WriterRecord["role"];
  joinedAt: Date;
  publishedCount: number;
  recentCount: number;
  recentRejected: number;
  repeatsRecent: boolean;
  lastCommentOnEssayAt: Date | null;
  sanction: Parameters<typeof sanctionFromJson>[0];
  lockedAt: Date | null;
  lockMessage: string | null;
  slowModeSeconds: number;
  premoderateAll: boolean;
  closeAt: Date | null;
  premoderateFirstN: number;
  flagHideThreshold: number;
  newAccountDays: number;
  newAccountLinkLimit: number;
}

export async function readWriterRecord(
  db: Reader,
  params: { userId: string; essayId: string; body: string; now: Date; excludeCommentId?: string | null },
): Promise<WriterRecord> {
  const { userId, essayId, body, now } = params;
  const exclude = params.excludeCommentId ?? "";
  const recentSince = new Date(now.getTime() - recentRecord.days * 86_400_000);
  const repeatSince = new Date(now.getTime() - repeatWindow.hours * 3_600_000);
  const [row] = await db.$queryRaw<Row[]>`
    WITH s AS (SELECT * FROM "SiteSetting" WHERE id = 1)
    SELECT u.id AS "userId", u.role::text AS role, u."createdAt" AS "joinedAt",
      (SELECT count(*)::int FROM (
         SELECT 1 FROM "Comment" c WHERE c."authorId" = u.id AND c.status IN ('VISIBLE', 'DELETED') AND c.id <> ${exclude}
         LIMIT (SELECT GREATEST("premoderateFirstN", 0) FROM s)) p) AS "publishedCount",
      r.total AS "recentCount", r.rejected AS "recentRejected",
      EXISTS (SELECT 1 FROM (
         SELECT c.body FROM "Comment" c WHERE c."authorId" = u.id AND c."createdAt" > ${repeatSince} AND c.id <> ${exclude}
         ORDER BY c."createdAt" DESC LIMIT ${repeatWindow.comments}) b WHERE b.body = ${body}) AS "repeatsRecent",
      (SELECT c."createdAt" FROM "Comment" c WHERE c."authorId" = u.id AND c."essayId" = ${essayId} AND c.id <> ${exclude}
         ORDER BY c."createdAt" DESC LIMIT 1) AS "lastCommentOnEssayAt",
      ${activeSanctionSql(Prisma.sql`u.id`, now)} AS sanction,
      e."commentsLockedAt" AS "lockedAt", e."commentsLockMessage" AS "lockMessage", e."slowModeSeconds" AS "slowModeSeconds",
      e."premoderateAll" AS "premoderateAll", e."commentsCloseAt" AS "closeAt",
      s."premoderateFirstN" AS "premoderateFirstN", s."flagHideThreshold" AS "flagHideThreshold",
      s."newAccountDays" AS "newAccountDays", s."newAccountLinkLimit" AS "newAccountLinkLimit"
    FROM "User" u
    CROSS JOIN s
    JOIN "Essay" e ON e.id = ${essayId}
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS total, (count(*) FILTER (WHERE status = 'REMOVED' AND "moderatedById" IS NOT NULL))::int AS rejected
      FROM (SELECT c.status, c."moderatedById" FROM "Comment" c
            WHERE c."authorId" = u.id AND c."createdAt" > ${recentSince} AND c.id <> ${exclude}
            ORDER BY c."createdAt" DESC LIMIT ${recentRecord.comments}) recent
    ) r
    WHERE u.id = ${userId}`;
  if (!row) throw new Error(`readWriterRecord: no user ${userId} or essay ${essayId}`);
  return {
    userId: row.userId,
    role: row.role,
    joinedAt: row.joinedAt,
    publishedCount: row.publishedCount,
    recentCount: row.recentCount,
    recentRejected: row.recentRejected,
    repeatsRecent: row.repeatsRecent,
    lastCommentOnEssayAt: row.lastCommentOnEssayAt,
    sanction: sanctionFromJson(row.sanction),
    essay: { lockedAt: row.lockedAt, lockMessage: row.lockMessage, slowModeSeconds: row.slowModeSeconds, premoderateAll: row.premoderateAll, closeAt: row.closeAt },
    settings: {
      premoderateFirstN: row.premoderateFirstN,
      flagHideThreshold: row.flagHideThreshold,
      newAccountDays: row.newAccountDays,
      newAccountLinkLimit: row.newAccountLinkLimit,
    },
  };
}
