/**
 * Links from new accounts: an account younger than the site's newAccountDays may carry up to
 * newAccountLinkLimit links in a comment; beyond that the comment waits for review (the classic
 * sign-up-and-spam pattern), instead of being refused: a newcomer citing sources is not a spammer.
 */
import { isStaff, type Phase } from "./context.ts";

export const newAccountLinksPhase: Phase = ({ draft, record, now }) => {
  if (isStaff(record)) return undefined;
  const { newAccountDays, newAccountLinkLimit } = record.settings;
  const isNew = now.getTime() - record.joinedAt.getTime() < newAccountDays * 86_400_000;
  if (!isNew || draft.links.length <= newAccountLinkLimit) return undefined;
  return { kind: "hold", rule: "links", details: { links: draft.links.length, limit: newAccountLinkLimit } };
};
