/**
 * polls.moderation.create: a new poll on an essay. The key is the moderator's or made from the
 * English question; option keys are made from the English labels. The poll goes after the
 * essay's other polls in page order.
 */
import { appError } from "@/server/api/errors.ts";
import { auditModeration } from "@/server/polls/moderation/audit.ts";
import { announcePollChange } from "@/server/polls/moderation/announce-poll-change.ts";
import { readModeratedPoll, type ModeratedPollView } from "@/server/polls/moderation/moderated-poll.ts";
import { keyFromText, uniqueKey } from "@/server/polls/moderation/poll-key.ts";
import { defaultEssayOrder } from "@/server/essay/queries.ts";
import type { ModerationContext, ModerationOptions } from "./context.ts";
import { fieldRefusal, isUniqueViolation } from "./refusals.ts";
import type { CreatePollInput } from "./schemas.ts";

export async function createPoll(ctx: ModerationContext, input: CreatePollInput, { now = new Date() }: ModerationOptions = {}): Promise<ModeratedPollView> {
  const { db } = ctx;
  const essay = input.slug
    ? await db.essay.findUnique({ where: { slug: input.slug }, select: { id: true } })
    : await db.essay.findFirst({ orderBy: [...defaultEssayOrder], select: { id: true } });
  if (!essay) throw appError("NOT_FOUND", "essayNotFound");

  const opensAt = input.opensAt ?? now;
  const closesAt = input.closesAt ?? null;
  if (closesAt && closesAt <= opensAt) throw fieldRefusal(["closesAt"], "moderation.polls.closesBeforeOpens");
  if (closesAt && closesAt <= now) throw fieldRefusal(["closesAt"], "moderation.polls.closesInPast");

  const siblings = await db.poll.findMany({ where: { essayId: essay.id }, select: { key: true, position: true } });
  const takenKeys = new Set(siblings.map((poll) => poll.key));
  if (input.key && takenKeys.has(input.key)) throw fieldRefusal(["key"], "moderation.polls.keyTaken");
  const key = input.key ?? uniqueKey(keyFromText(input.question.en, "poll"), takenKeys);

  const optionKeys = new Set<string>();
  const options = input.options.map((option, position) => {
    const optionKey = uniqueKey(keyFromText(option.label.en, `option-${position + 1}`), optionKeys);
    optionKeys.add(optionKey);
    return { key: optionKey, labelZh: option.label.zh, labelEn: option.label.en, position };
  });

  let pollId: string;
  try {
    const created = await db.poll.create({
      data: {
        essayId: essay.id,
        key,
        questionZh: input.question.zh,
        questionEn: input.question.en,
        kind: input.kind,
        maxChoices: input.maxChoices,
        opensAt,
        closesAt,
        resultsVisibility: input.resultsVisibility,
        allowChange: input.allowChange,
        placements: input.placements,
        position: siblings.reduce((max, poll) => Math.max(max, poll.position + 1), 0),
        options: { create: options },
      },
      select: { id: true },
    });
    pollId = created.id;
  } catch (error) {
    // Another moderator created a poll with this key between the read above and now.
    if (isUniqueViolation(error)) throw fieldRefusal(["key"], "moderation.polls.keyTaken");
    throw error;
  }

  auditModeration({ action: "poll.create", moderatorId: ctx.user.id, pollId, request: ctx.request, details: { key, options: options.length } }, now);
  await announcePollChange(db, pollId);
  return (await readModeratedPoll(db, pollId, now))!;
}
