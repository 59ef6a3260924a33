/**
 * The bench's after-the-load checks, as pure functions over figures read from the database:
 * nothing acknowledged may be missing, and every maintained counter must equal both the rows it
 * counts and what the load generator saw acknowledged.
 */

/** Rows written by a load against the 2xx answers it got. */
export interface WriteCount {
  /** What is counted ("comments", "ballots"…), for the messages. */
  noun: string;
  acknowledged: number;
  /** Requests that got no answer at all: the server may or may not have written them. */
  unanswered: number;
  stored: number;
}

export function checkNoneLost({ noun, acknowledged, unanswered, stored }: WriteCount): string[] {
  const problems: string[] = [];
  if (stored < acknowledged) problems.push(`${(acknowledged - stored).toLocaleString("en-US")} acknowledged ${noun} are missing`);
  if (stored > acknowledged + unanswered) {
    problems.push(`${(stored - acknowledged - unanswered).toLocaleString("en-US")} ${noun} stored that no request accounts for`);
  }
  return problems;
}

/** One maintained counter (a comment's score, an option's vote count) and what it should be. */
export interface Tally {
  label: string;
  /** The maintained column. */
  stored: number;
  /** COUNT(*) of the rows it counts. */
  counted: number;
  /** What the seed plus the acknowledged requests make it, when known. */
  expected?: number;
  /**
   * Requests for this counter that got no answer: the server may have applied them or not, so
   * anything from `expected` to `expected + unanswered` is right.
   */
  unanswered?: number;
}

/** Problems, at most `limit` spelled out (a broken counter tends to break them all). */
export function checkTallies(tallies: readonly Tally[], limit = 5): string[] {
  const problems: string[] = [];
  for (const tally of tallies) {
    if (tally.stored !== tally.counted) problems.push(`${tally.label}: stored ${tally.stored}, rows ${tally.counted}`);
    else if (tally.expected !== undefined) {
      const most = tally.expected + (tally.unanswered ?? 0);
      if (tally.stored < tally.expected || tally.stored > most) {
        const range = most === tally.expected ? `${tally.expected}` : `${tally.expected}–${most}`;
        problems.push(`${tally.label}: ${tally.stored}, expected ${range} from the seed and the acknowledged requests`);
      }
    }
  }
  if (problems.length <= limit) return problems;
  return [...problems.slice(0, limit), `and ${problems.length - limit} more`];
}

/** The check column's text: "exact" or the problems. */
export function checkText(problems: readonly string[], exact: string): string {
  return problems.length === 0 ? exact : `**wrong:** ${problems.join("; ")}`;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The `index`-th (account, comment) pair of a vote load: every index below accounts × comments
 * gives a different pair, so no upvote repeats one already cast (each acknowledged one must add
 * exactly one to a score). Consecutive indexes go to different accounts and, so that concurrent
 * votes are spread instead of all queueing on one hot row, to different comments too; that needs
 * gcd(accounts + 1, comments) = 1.
 */
export function votePair(index: number, accounts: number, comments: number): { account: number; comment: number } | null {
  if (gcd(accounts + 1, comments) !== 1) throw new Error(`votePair: gcd(${accounts + 1}, ${comments}) must be 1`);
  if (!Number.isInteger(index) || index < 0 || index >= accounts * comments) return null;
  const account = index % accounts;
  const round = Math.floor(index / accounts);
  return { account, comment: (round * (accounts + 1) + account) % comments };
}
