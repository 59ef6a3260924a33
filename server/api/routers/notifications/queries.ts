/**
 * What counts as a reader's notification: their own, about a reply that is still visible (a reply
 * deleted or removed since no longer asks for attention).
 */
import type { Prisma } from "@/server/db/generated/client.ts";

export function notificationsOf(recipientId: string): Prisma.NotificationWhereInput {
  return { recipientId, comment: { status: "VISIBLE" } };
}

export function unreadOf(recipientId: string): Prisma.NotificationWhereInput {
  return { ...notificationsOf(recipientId), readAt: null };
}
