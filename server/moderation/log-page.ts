/**
 * The audit log as the console reads it: newest first, by id (the keyset is the primary key),
 * filtered by actor, rule, action or target. Read only: the table refuses changes anyway.
 */
import { appError } from "@/server/api/errors.ts";
import type { Db } from "@/server/db/client.ts";
import { Prisma } from "@/server/db/generated/client.ts";

export interface LogFilters {
  actorId?: string;
  rule?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  cursor?: string | null;
  limit: number;
}

export async function moderationLogPage(db: Db, filters: LogFilters) {
  if (filters.cursor && !/^\d{1,19}$/.test(filters.cursor)) throw appError("BAD_REQUEST", "moderation.comments.badCursor");
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.actorId) conditions.push(Prisma.sql`l."actorId" = ${filters.actorId}`);
  if (filters.rule) conditions.push(Prisma.sql`l."actorId" IS NULL AND l.rule = ${filters.rule}`);
  if (filters.action) conditions.push(Prisma.sql`l.action = ${filters.action}`);
  if (filters.targetType) conditions.push(Prisma.sql`l."targetType" = ${filters.targetType}`);
  if (filters.targetId) conditions.push(Prisma.sql`l."targetId" = ${filters.targetId}`);
  if (filters.cursor) conditions.push(Prisma.sql`l.id < ${BigInt(filters.cursor)}`);
  const rows = await db.$queryRaw<
    { id: bigint; actorId: string | null; actorName: string | null; rule: string | null; action: string; targetType: string; targetId: string; reason: string | null; note: string | null; before: unknown; after: unknown; ip: string | null; userAgent: string | null; createdAt: Date }[]
  >`
    SELECT l.id, l."actorId", u.name AS "actorName", l.rule, l.action, l."targetType", l."targetId", l.reason, l.note, l.before, l.after, l.ip, l."userAgent", l."createdAt"
    FROM "ModerationLog" l LEFT JOIN "User" u ON u.id = l."actorId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY l.id DESC
    LIMIT ${filters.limit + 1}`;
  const page = rows.slice(0, filters.limit);
  return {
    items: page.map((row) => ({
      id: row.id.toString(),
      actor: row.actorId === null ? null : { id: row.actorId, name: row.actorName },
      rule: row.rule,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      reason: row.reason,
      note: row.note,
      before: row.before ?? null,
      after: row.after ?? null,
      ip: row.ip,
      userAgent: row.userAgent,
      createdAt: row.createdAt,
    })),
    nextCursor: rows.length > filters.limit ? page.at(-1)!.id.toString() : null,
  };
}
