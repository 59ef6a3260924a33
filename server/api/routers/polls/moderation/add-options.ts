/** polls.moderation.addOptions: new options after the existing ones, up to 12 in all, labels distinct from every existing one. */
import { z } from "zod";
import { appError } from "@/server/api/errors.ts";
import { auditModeration } from "@/server/polls/moderation/audit.ts";
import { announcePollChange } from "@/server/polls/moderation/announce-poll-change.ts";
import { moderationTransactionOptions, readModeratedPoll, type ModeratedPollView } from "@/server/polls/moderation/moderated-poll.ts";
import { keyFromText, uniqueKey } from "@/server/polls/moderation/poll-key.ts";
import { pollOptionLimits } from "@/server/polls/rules.ts";
import type { ModerationContext, ModerationOptions } from "./context.ts";
import { fieldRefusal, isUniqueViolation } from "./refusals.ts";
import { checkDistinctLabels, type AddOptionsInput } from "./schemas.ts";

export async function addPollOptions(ctx: ModerationContext, input: AddOptionsInput, { now = new Date() }: ModerationOptions = {}): Promise<ModeratedPollView> {
  let added: string[] = [];
  try {
    added = await ctx.db.$transaction(async (tx) => {
      // One moderator at a time per poll, so the 12-option limit holds; ballots (which lock the poll last) only wait.
      await tx.$queryRaw`SELECT id FROM "Poll" WHERE id = ${input.pollId} FOR NO KEY UPDATE`;
      const poll = await tx.poll.findUnique({
        where: { id: input.pollId },
        select: { options: { select: { key: true, labelZh: true, labelEn: true, position: true } } },
      });
      if (!poll) throw appError("NOT_FOUND", "polls.notFound");
      if (poll.options.length + input.options.length > pollOptionLimits.max) throw fieldRefusal(["options"], "moderation.polls.tooManyOptions");

      const existing = poll.options.map((option) => ({ zh: option.labelZh, en: option.labelEn }));
      const duplicate = z
        .array(z.object({ zh: z.string(), en: z.string() }))
        .superRefine((labels, refine) => checkDistinctLabels(labels, refine, (index) => ["options", index], existing))
        .safeParse(input.options.map((option) => option.label));
      if (!duplicate.success) {
        const issue = duplicate.error.issues[0]!;
        throw fieldRefusal(issue.path, "moderation.polls.duplicateLabel");
      }

      const keys = new Set(poll.options.map((option) => option.key));
      let position = poll.options.reduce((max, option) => Math.max(max, option.position + 1), 0);
      const created: string[] = [];
      for (const [index, option] of input.options.entries()) {
        if (option.key && keys.has(option.key)) throw fieldRefusal(["options", index, "key"], "moderation.polls.keyTaken");
        const key = option.key ?? uniqueKey(keyFromText(option.label.en, `option-${position + 1}`), keys);
        keys.add(key);
        await tx.pollOption.create({ data: { pollId: input.pollId, key, labelZh: option.label.zh, labelEn: option.label.en, position }, select: { id: true } });
        created.push(key);
        position += 1;
      }
      return created;
    }, moderationTransactionOptions);
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldRefusal(["options"], "moderation.polls.keyTaken");
    throw error;
  }

  auditModeration({ action: "poll.addOptions", moderatorId: ctx.user.id, pollId: input.pollId, request: ctx.request, details: { added } }, now);
  await announcePollChange(ctx.db, input.pollId);
  return (await readModeratedPoll(ctx.db, input.pollId, now))!;
}
