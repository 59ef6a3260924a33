/** What the comments seed wrote and the comment loads use: set by the seed, read by the loads. */
import type { CommentTree } from "./seed.ts";

export interface Accounts {
  prefix: string;
  count: number;
}

export interface CommentsFixture {
  /** The essay's own comment section: 100,000 comments at full size. */
  main: CommentTree;
  /** A copy of the essay with 10,000 comments. */
  small: CommentTree;
  /** Paragraph keys of the essay, for paragraph comments. */
  paragraphKeys: string[];
  /** Signed-in readers who post (issue: 100 accounts), vote, and post the live comments. */
  creators: Accounts;
  voters: Accounts;
  livePoster: Accounts;
  /** The comments the vote load upvotes, with the score the seed gave them. */
  voteTargets: Array<{ id: string; seededScore: number }>;
}

export function fixtureGetter(holder: { fixture: CommentsFixture | null }): () => CommentsFixture {
  return () => {
    if (!holder.fixture) throw new Error("the comments seed has not run");
    return holder.fixture;
  };
}
