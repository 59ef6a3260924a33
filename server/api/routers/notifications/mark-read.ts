/**
 * notifications.markRead and markAllRead. Only the reader's own notifications: a list naming any
 * other id (someone else's, or one that does not exist) is refused whole, with one message for
 * both so that nobody learns which ids exist.
 */
import { appError } from "@/server/api/errors.ts";
import type { Db } from "@/server/db/client.ts";
import { unreadOf } from "./queries.ts";

export async function markRead(db: Db, recipientId: string, ids: string[], now: Date = new Date()) {
  const unique = [...new Set(ids)];
  const own = await db.notification.count({ where: { id: { in: unique }, recipientId } });
  if (own !== unique.length) throw appError("NOT_FOUND", "notifications.notFound");
  const { count } = await db.notification.updateMany({ where: { id: { in: unique }, recipientId, readAt: null }, data: { readAt: now } });
  return { updated: count, unreadCount: await db.notification.count({ where: unreadOf(recipientId) }) };
}

export async function markAllRead(db: Db, recipientId: string, now: Date = new Date()) {
  const { count } = await db.notification.updateMany({ where: { recipientId, readAt: null }, data: { readAt: now } });
  return { updated: count, unreadCount: 0 };
}
