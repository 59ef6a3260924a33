/** polls.moderation.list and .get: every poll of an essay (any state or visibility) with its counts. */
import { appError } from "@/server/api/errors.ts";
import type { Db } from "@/server/db/client.ts";
import { defaultEssayOrder } from "@/server/essay/queries.ts";
import { moderatedPollSelect, readModeratedPoll, toModeratedPoll, type ModeratedPollView } from "@/server/polls/moderation/moderated-poll.ts";

export async function listModeratedPolls(db: Db, slug: string | undefined) {
  const essay = slug
    ? await db.essay.findUnique({ where: { slug }, select: { id: true, slug: true, title: true } })
    : await db.essay.findFirst({ orderBy: [...defaultEssayOrder], select: { id: true, slug: true, title: true } });
  if (!essay) throw appError("NOT_FOUND", "essayNotFound");
  const rows = await db.poll.findMany({ where: { essayId: essay.id }, orderBy: [{ position: "asc" }, { key: "asc" }], select: moderatedPollSelect });
  const now = new Date();
  return { essay: { slug: essay.slug, title: essay.title }, polls: rows.map((row) => toModeratedPoll(row, now)) };
}

export async function getModeratedPoll(db: Db, pollId: string): Promise<ModeratedPollView> {
  const poll = await readModeratedPoll(db, pollId);
  if (!poll) throw appError("NOT_FOUND", "polls.notFound");
  return poll;
}
