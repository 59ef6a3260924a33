/**
 * The comment pipeline: the policy every new or edited comment passes, in this order
 * (docs/moderation.md, "The pipeline"). Each phase is a small pure function in its own file; the
 * first refusal stops the comment, the first hold decides its reason, and every decision is
 * written to the audit log with its rule name (pipeline.ts).
 *
 * Before these, the handler has already checked the length and emptiness (server/comments/body.ts)
 * and the place (essay, paragraph, parent); after them, the per-account rate limits
 * (server/comments/rate-limits.ts). Staff (moderators, admins) pass every phase but sanctions and
 * watched words.
 */
import type { Phase } from "./context.ts";
import { essayOpenPhase } from "./essay-open.ts";
import { newAccountLinksPhase } from "./new-account-links.ts";
import { premoderationPhase } from "./premoderation.ts";
import { recentRecordPhase } from "./recent-record.ts";
import { repeatPostPhase } from "./repeat-post.ts";
import { sanctionsPhase } from "./sanctions.ts";
import { slowModePhase } from "./slow-mode.ts";
import { watchedWordsPhase } from "./watched-words.ts";

export const commentPhases: readonly Phase[] = [
  // 1. A suspended, banned or warned-but-not-acknowledged reader is refused, with why and until when.
  sanctionsPhase,
  // 2. The essay is open: not locked (with the moderator's message), not past its closing time.
  essayOpenPhase,
  // 3. Slow mode: one new comment per N seconds per reader on this essay (refused with the wait).
  slowModePhase,
  // 4. Watched words, on the text and the links: block refuses, hold holds, flag reports, censor masks.
  watchedWordsPhase,
  // 5. The same text as one of the writer's recent comments is refused.
  repeatPostPhase,
  // 6. A new account's comment with more links than allowed waits for review.
  newAccountLinksPhase,
  // 7. Pre-moderation: an account's first N comments, or every comment of an essay set so, wait.
  premoderationPhase,
  // 8. A writer whose recent comments were mostly rejected waits for review.
  recentRecordPhase,
];
