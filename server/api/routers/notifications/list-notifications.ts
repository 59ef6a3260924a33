/** notifications.list: the reader's notifications, newest first, a page at a time by keyset cursor. */
import { appError } from "@/server/api/errors.ts";
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import { commentSnippet } from "@/server/notifications/snippet.ts";
import { notificationsOf } from "./queries.ts";
import type { NotificationPage } from "./schemas.ts";

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return `${row.createdAt.getTime()}:${row.id}`;
}

/** Rows strictly after the cursor in (createdAt desc, id desc) order. */
function afterCursor(cursor: string): Prisma.NotificationWhereInput {
  const [ms, id] = cursor.split(":") as [string, string];
  const createdAt = new Date(Number(ms));
  if (Number.isNaN(createdAt.getTime())) throw appError("BAD_REQUEST", "notifications.badCursor");
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
}

export async function listNotifications(db: Db, recipientId: string, input: { cursor?: string | null; limit: number }): Promise<NotificationPage> {
  const rows = await db.notification.findMany({
    where: { AND: [notificationsOf(recipientId), input.cursor ? afterCursor(input.cursor) : {}] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      kind: true,
      createdAt: true,
      readAt: true,
      actor: { select: { name: true } },
      comment: { select: { id: true, body: true, essay: { select: { slug: true } } } },
    },
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      kind: row.kind,
      createdAt: row.createdAt,
      read: row.readAt !== null,
      actorName: row.actor?.name ?? null,
      snippet: commentSnippet(row.comment.body),
      essaySlug: row.comment.essay.slug,
      commentId: row.comment.id,
      href: `/c/${row.comment.id}`,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
}
