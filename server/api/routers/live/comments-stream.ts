/** live.comments: the comment events of one essay, resumable from the last event id. */
import { tracked } from "@trpc/server";
import { appError } from "@/server/api/errors.ts";
import { commentEventSchema } from "@/server/api/routers/comments/schemas.ts";
import type { Db } from "@/server/db/client.ts";
import { defaultEssayOrder } from "@/server/essay/queries.ts";
import { commentsChannel } from "@/server/live/channels.ts";
import { liveStream } from "@/server/live/live-stream.ts";
import { getLiveBus } from "@/server/live/process-bus.ts";

export async function* commentsStream(db: Db, input: { slug?: string; lastEventId?: string | null } | undefined, signal: AbortSignal | undefined) {
  const essay = input?.slug
    ? await db.essay.findUnique({ where: { slug: input.slug }, select: { id: true } })
    : await db.essay.findFirst({ orderBy: [...defaultEssayOrder], select: { id: true } });
  if (!essay) throw appError("NOT_FOUND", "essayNotFound");

  for await (const event of liveStream({ db, bus: getLiveBus(), channel: commentsChannel(essay.id), lastEventId: input?.lastEventId, signal })) {
    const parsed = commentEventSchema.safeParse(event.payload);
    if (parsed.success) yield tracked(event.id, parsed.data);
    else console.error(`[live] dropped a malformed comment event ${event.id}:`, parsed.error.issues[0]);
  }
}
