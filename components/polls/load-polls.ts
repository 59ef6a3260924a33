/**
 * The polls of an essay for its page, through the anonymous server caller: the questions and
 * options are the same for every reader, so the page stays cacheable. Votes, results and the
 * reader's own choice are asked from the browser (poll-card.tsx).
 */
import "server-only";
import { cache } from "react";
import { getServerCaller } from "@/server/api/server-caller.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import type { PollDefinition } from "./poll-definition.ts";

export const loadPolls = cache(async (locale: AppLocale, slug: string): Promise<PollDefinition[]> => {
  const caller = await getServerCaller(locale);
  const polls = await caller.polls.listForEssay({ slug });
  return polls.map((poll) => ({
    id: poll.id,
    key: poll.key,
    question: poll.question[locale],
    kind: poll.kind,
    maxChoices: poll.maxChoices,
    allowChange: poll.allowChange,
    placements: poll.placements,
    options: poll.options.map((option) => ({ id: option.id, key: option.key, label: option.label[locale] })),
  }));
});
