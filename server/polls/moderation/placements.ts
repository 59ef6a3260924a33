/** The places on an essay page where a poll can be shown (components/essay/essay-article.tsx renders them). */
export const pollPlacements = ["after-section-1", "end"] as const;
export type PollPlacementName = (typeof pollPlacements)[number];
