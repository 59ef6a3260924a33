/**
 * polls.moderation.updateWording: the question, the options' labels and order, and removing
 * options. Labels may change at any time (the page warns that a change must not change their
 * meaning once readers have voted); an option can be removed only while the poll has no ballot at
 * all, since removing a chosen option would silently change what readers answered.
 *
 * Locks are taken in the order a ballot takes them — the poll's options by id, then the poll
 * row — so a relabelling racing a vote waits for it instead of deadlocking. Deleting an option
 * needs a stronger lock than a ballot's choice holds on it (the BallotChoice foreign key), so an
 * option being chosen is never removed: the ballot that commits first wins and the removal is
 * refused, or, when each already holds a lock the other needs, PostgreSQL's deadlock detection
 * aborts one of the two whole (a rare race of a first vote with a removal; nothing half-done).
 */
import { appError } from "@/server/api/errors.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import { auditModeration } from "@/server/polls/moderation/audit.ts";
import { announcePollChange } from "@/server/polls/moderation/announce-poll-change.ts";
import { moderationTransactionOptions, readModeratedPoll, type ModeratedPollView } from "@/server/polls/moderation/moderated-poll.ts";
import type { ModerationContext, ModerationOptions } from "./context.ts";
import { fieldRefusal } from "./refusals.ts";
import type { UpdateWordingInput } from "./schemas.ts";

export async function updatePollWording(ctx: ModerationContext, input: UpdateWordingInput, { now = new Date() }: ModerationOptions = {}): Promise<ModeratedPollView> {
  const summary = await ctx.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "PollOption" WHERE "pollId" = ${input.pollId} ORDER BY id FOR NO KEY UPDATE`;
    await tx.$queryRaw`SELECT id FROM "Poll" WHERE id = ${input.pollId} FOR NO KEY UPDATE`;
    const poll = await tx.poll.findUnique({
      where: { id: input.pollId },
      select: {
        questionZh: true,
        questionEn: true,
        kind: true,
        maxChoices: true,
        options: { select: { id: true, key: true, labelZh: true, labelEn: true, position: true } },
      },
    });
    if (!poll) throw appError("NOT_FOUND", "polls.notFound");

    const stored = new Map(poll.options.map((option) => [option.id, option]));
    input.options.forEach((option, index) => {
      if (!stored.has(option.id)) throw fieldRefusal(["options", index], "moderation.polls.unknownOption");
    });
    const kept = new Set(input.options.map((option) => option.id));
    const removed = poll.options.filter((option) => !kept.has(option.id));
    if (removed.length > 0) await refuseUnsafeRemoval(tx, input.pollId, removed.map((option) => option.id));
    if (poll.kind === "MULTIPLE" && poll.maxChoices > input.options.length) throw fieldRefusal(["options"], "moderation.polls.maxChoicesRange");

    const questionChanged = poll.questionZh !== input.question.zh || poll.questionEn !== input.question.en;
    if (questionChanged) {
      await tx.poll.update({ where: { id: input.pollId }, data: { questionZh: input.question.zh, questionEn: input.question.en }, select: { id: true } });
    }
    let labelsChanged = 0;
    for (const [position, option] of input.options.entries()) {
      const current = stored.get(option.id)!;
      const relabelled = current.labelZh !== option.label.zh || current.labelEn !== option.label.en;
      if (relabelled) labelsChanged += 1;
      if (relabelled || current.position !== position) {
        await tx.pollOption.update({ where: { id: option.id }, data: { labelZh: option.label.zh, labelEn: option.label.en, position }, select: { id: true } });
      }
    }
    if (removed.length > 0) await tx.pollOption.deleteMany({ where: { id: { in: removed.map((option) => option.id) } } });
    return { questionChanged, labelsChanged, removed: removed.map((option) => option.key) };
  }, moderationTransactionOptions);

  auditModeration({ action: "poll.updateWording", moderatorId: ctx.user.id, pollId: input.pollId, request: ctx.request, details: summary }, now);
  await announcePollChange(ctx.db, input.pollId);
  return (await readModeratedPoll(ctx.db, input.pollId, now))!;
}

async function refuseUnsafeRemoval(tx: Prisma.TransactionClient, pollId: string, optionIds: string[]): Promise<void> {
  const chosen = await tx.pollOption.count({ where: { id: { in: optionIds }, OR: [{ voteCount: { gt: 0 } }, { choices: { some: {} } }] } });
  if (chosen > 0) throw fieldRefusal(["options"], "moderation.polls.optionHasVotes");
  if ((await tx.ballot.count({ where: { pollId } })) > 0) throw fieldRefusal(["options"], "moderation.polls.removalAfterBallots");
}
