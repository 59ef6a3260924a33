/** live.comments: the comment events of one essay, resumable from the last event id. */
import { tracked } from "@trpc/server";
import { appError } from "@/server/api/errors.ts";
import { commentEventSchema } from "@/server/api/routers/comments/schemas.ts";
import type { Db } from "@/server/db/client.ts";
import { defaultEssayOrder } from "@/server/essay/queries.ts";
import { commentsChannel } from "@/server/live/channels.ts";
import { liveStream } from "@/server/live/live-stream.ts";
import { getLiveBus } from "@/server/live/process-bus.ts";

/** The essay's id, by slug or the default essay; NOT_FOUND when there is none. */
export async function essayIdForLive(db: Db, slug: string | undefined): Promise<string> {
  const essay = slug
    ? await db.essay.findUnique({ where: { slug }, select: { id: true } })
    : await db.essay.findFirst({ orderBy: [...defaultEssayOrder], select: { id: true } });
  if (!essay) throw appError("NOT_FOUND", "essayNotFound");
  return essay.id;
}

/** The essay's valid comment events with their LiveEvent ids (shared by live.comments and live.page). */
export async function* commentEvents(db: Db, essayId: string, lastEventId: string | null | undefined, signal: AbortSignal | undefined) {
  for await (const event of liveStream({ db, bus: getLiveBus(), channel: commentsChannel(essayId), lastEventId, signal })) {
    const parsed = commentEventSchema.safeParse(event.payload);
    if (parsed.success) yield { id: event.id, event: parsed.data };
    else console.error(`[live] dropped a malformed comment event ${event.id}:`, parsed.error.issues[0]);
  }
}

export async function* commentsStream(db: Db, input: { slug?: string; lastEventId?: string | null } | undefined, signal: AbortSignal | undefined) {
  const essayId = await essayIdForLive(db, input?.slug);
  for await (const { id, event } of commentEvents(db, essayId, input?.lastEventId, signal)) yield tracked(id, event);
}
