/**
 * What the results page of a poll shows for everyone: the poll (question, options) in the page's
 * language, its essay (for the link back), and the poll it is broken down by, if any. Read through
 * the anonymous server caller, as the essay page reads its polls; counts come from the browser.
 */
import "server-only";
import { cache } from "react";
import { getServerCaller } from "@/server/api/server-caller.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { loadPolls } from "../load-polls.ts";
import { pollAnchorId, type PollDefinition } from "../poll-definition.ts";
import { breakdownByPollKey } from "./poll-views-link.ts";

export interface PollPage {
  poll: PollDefinition;
  essay: { slug: string; title: string; href: string };
  by: PollDefinition | null;
}

export const loadPollPage = cache(async (locale: AppLocale, pollId: string): Promise<PollPage | null> => {
  const caller = await getServerCaller(locale);
  // A site of one essay, or a few: look through their polls rather than add a procedure for this.
  const essays = await caller.essay.list();
  for (const [index, essay] of essays.entries()) {
    const polls = await loadPolls(locale, essay.slug);
    const poll = polls.find((candidate) => candidate.id === pollId);
    if (!poll) continue;
    // The first essay is the default one, served at "/" (the cached path).
    const page = index === 0 ? "/" : `/essays/${encodeURIComponent(essay.slug)}`;
    const by = poll.key === breakdownByPollKey ? null : (polls.find((candidate) => candidate.key === breakdownByPollKey) ?? null);
    return { poll, essay: { slug: essay.slug, title: essay.title, href: `${page}#${pollAnchorId(poll.key)}` }, by };
  }
  return null;
});
