/** Where a poll's results page is, and what the link to it says (shared by the poll card and the page). */

/** The poll that others are broken down by on the results page (issue 5: "by generation"). */
export const breakdownByPollKey = "generation";

export function pollViewsHref(pollId: string): string {
  return `/polls/${encodeURIComponent(pollId)}`;
}

/** The message key (polls.views.*) of the link: the generation poll has no breakdown by itself. */
export function pollViewsLinkKey(pollKey: string): "link" | "linkOverTime" {
  return pollKey === breakdownByPollKey ? "linkOverTime" : "link";
}
