/**
 * polls.moderation.close / reopen / setVisibility / setAllowChange: one setting each. Closing sets
 * the closing time to now; reopening clears it or sets a new one in the future (the opening time
 * stays, so the over-time chart keeps its start).
 */
import { appError } from "@/server/api/errors.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import type { PollResultsVisibility } from "@/server/db/generated/enums.ts";
import { auditModeration } from "@/server/polls/moderation/audit.ts";
import { announcePollChange } from "@/server/polls/moderation/announce-poll-change.ts";
import { readModeratedPoll, type ModeratedPollView } from "@/server/polls/moderation/moderated-poll.ts";
import { pollState } from "@/server/polls/rules.ts";
import type { ModerationContext, ModerationOptions } from "./context.ts";
import { fieldRefusal } from "./refusals.ts";

async function readSchedule(ctx: ModerationContext, pollId: string) {
  const poll = await ctx.db.poll.findUnique({ where: { id: pollId }, select: { opensAt: true, closesAt: true } });
  if (!poll) throw appError("NOT_FOUND", "polls.notFound");
  return poll;
}

async function applySetting(
  ctx: ModerationContext,
  pollId: string,
  action: string,
  data: Prisma.PollUpdateInput,
  details: Record<string, unknown>,
  now: Date,
): Promise<ModeratedPollView> {
  await ctx.db.poll.update({ where: { id: pollId }, data, select: { id: true } });
  auditModeration({ action, moderatorId: ctx.user.id, pollId, request: ctx.request, details }, now);
  await announcePollChange(ctx.db, pollId);
  return (await readModeratedPoll(ctx.db, pollId, now))!;
}

export async function closePoll(ctx: ModerationContext, pollId: string, { now = new Date() }: ModerationOptions = {}): Promise<ModeratedPollView> {
  const state = pollState(await readSchedule(ctx, pollId), now);
  if (state === "closed") throw appError("BAD_REQUEST", "moderation.polls.alreadyClosed");
  if (state === "upcoming") throw appError("BAD_REQUEST", "moderation.polls.closeUpcoming");
  return applySetting(ctx, pollId, "poll.close", { closesAt: now }, { closesAt: now.toISOString() }, now);
}

export async function reopenPoll(ctx: ModerationContext, pollId: string, closesAt: Date | null, { now = new Date() }: ModerationOptions = {}): Promise<ModeratedPollView> {
  const state = pollState(await readSchedule(ctx, pollId), now);
  if (state !== "closed") throw appError("BAD_REQUEST", "moderation.polls.notClosed");
  // A closed poll has opened already, so a closing time in the future is also after its opening.
  if (closesAt && closesAt <= now) throw fieldRefusal(["closesAt"], "moderation.polls.closesInPast");
  return applySetting(ctx, pollId, "poll.reopen", { closesAt }, { closesAt: closesAt?.toISOString() ?? null }, now);
}

export async function setPollVisibility(
  ctx: ModerationContext,
  pollId: string,
  resultsVisibility: PollResultsVisibility,
  { now = new Date() }: ModerationOptions = {},
): Promise<ModeratedPollView> {
  await readSchedule(ctx, pollId);
  return applySetting(ctx, pollId, "poll.setVisibility", { resultsVisibility }, { resultsVisibility }, now);
}

export async function setPollAllowChange(ctx: ModerationContext, pollId: string, allowChange: boolean, { now = new Date() }: ModerationOptions = {}): Promise<ModeratedPollView> {
  await readSchedule(ctx, pollId);
  return applySetting(ctx, pollId, "poll.setAllowChange", { allowChange }, { allowChange }, now);
}
