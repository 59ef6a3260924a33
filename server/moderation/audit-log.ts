/**
 * The moderation audit log (ModerationLog, append-only in the database): every moderator action
 * and every automatic decision, with who (or which rule), what, the target, the reason, before and
 * after, and the request's client address and user agent.
 */
import type { RequestMeta } from "@/server/api/trpc.ts";
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";

export interface ModerationLogEntry {
  /** The moderator; absent for an automatic rule (then `rule`). */
  actorId?: string | null;
  rule?: string | null;
  action: string;
  targetType: "comment" | "user" | "essay" | "watchlist" | "settings";
  targetId: string;
  reason?: string | null;
  note?: string | null;
  /** JSON-serializable facts: the state before and after, the matched spans. */
  before?: object | null;
  after?: object | null;
  request?: RequestMeta | null;
  at?: Date;
}

export async function appendModerationLog(db: Db | Prisma.TransactionClient, entries: readonly ModerationLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.moderationLog.createMany({
    data: entries.map((entry) => ({
      actorId: entry.actorId ?? null,
      rule: entry.rule ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      reason: entry.reason ?? null,
      note: entry.note ?? null,
      ...(entry.before == null ? {} : { before: entry.before as Prisma.InputJsonObject }),
      ...(entry.after == null ? {} : { after: entry.after as Prisma.InputJsonObject }),
      ip: entry.request?.ip ?? null,
      userAgent: entry.request?.userAgent?.slice(0, 500) ?? null,
      ...(entry.at ? { createdAt: entry.at } : {}),
    })),
  });
}
