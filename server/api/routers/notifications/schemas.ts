/** zod schemas of the notifications procedures, shared with the bell and the /notifications page. */
import { z } from "zod";

/** Where the next page starts: the last item's creation time (ms) and id, newest first. */
export const notificationCursorSchema = z.string().regex(/^\d{1,15}:[a-z0-9]{1,40}$/i, { message: "notifications.badCursor" });

export const listNotificationsInput = z
  .object({
    cursor: notificationCursorSchema.nullish(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .strict();
export type ListNotificationsInput = z.input<typeof listNotificationsInput>;

export const notificationItemSchema = z.object({
  id: z.string(),
  kind: z.literal("REPLY"),
  createdAt: z.date(),
  read: z.boolean(),
  /** The replier's display name; null when they have none or their account is gone. */
  actorName: z.string().nullable(),
  /** The reply as plain text, at most 120 characters. */
  snippet: z.string(),
  essaySlug: z.string(),
  commentId: z.string(),
  /** The reply's permalink. */
  href: z.string(),
});
export type NotificationItem = z.infer<typeof notificationItemSchema>;

export const listNotificationsOutput = z.object({
  items: z.array(notificationItemSchema),
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof listNotificationsOutput>;

export const unreadCountOutput = z.object({ count: z.number().int().min(0) });

export const markReadInput = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(100) }).strict();

export const markReadOutput = z.object({ updated: z.number().int().min(0), unreadCount: z.number().int().min(0) });
