/**
 * The Top order of comments (docs/comment-ranking.md): a stored, indexed number, so Top is an
 * index scan and no background job ever re-ranks.
 *
 *   rank = ln(L(score) + 1) + (createdAt − epoch) / τ
 *
 * L(k) is the 90% lower confidence bound of a Poisson count k: votes are upvotes only, so the
 * score is a count of events and its uncertainty shrinks like √k. One vote against none barely
 * moves a comment (L(1) ≈ 0.1); fifty against five does (L(50) ≈ 41 against L(5) ≈ 2.4).
 * The logarithm makes each further e-fold of votes worth the same, and τ converts age into the
 * same unit: a comment written τ later starts where an older one with L = e − 1 votes stands, so a
 * new good comment climbs past old ones as it collects votes. Adding the creation time instead of
 * subtracting age is the same order (every comment ages alike) and never changes after writing.
 */

/** One-sided 90% normal quantile: L(k) is exceeded by the true rate 90% of the time. */
const z90 = 1.2815515655446004;

/** One e-fold of (L + 1) is worth this much age: a day (see docs/comment-ranking.md). */
export const rankTimeConstantSeconds = 24 * 60 * 60;

/** Keeps the time term small (hundreds, not tens of thousands) so doubles keep their precision. */
const rankEpochMs = Date.UTC(2025, 0, 1);

/**
 * The lower bound of a Poisson mean at 90% confidence, by Byar's approximation (within 1% of the
 * exact chi-square bound ½·χ²(0.10; 2k) from k = 2 on, and 0.098 against 0.105 at k = 1).
 * Breslow & Day, Statistical Methods in Cancer Research II (1987), p. 69.
 */
export function poissonLowerBound(count: number): number {
  if (count <= 0) return 0;
  const k = count;
  const bound = k * (1 - 1 / (9 * k) - z90 / (3 * Math.sqrt(k))) ** 3;
  return Math.max(0, bound);
}

/** The stored rank of a comment with `score` upvotes written at `createdAt`. */
export function commentRank(score: number, createdAt: Date): number {
  const votesTerm = Math.log(poissonLowerBound(score) + 1);
  const timeTerm = (createdAt.getTime() - rankEpochMs) / 1000 / rankTimeConstantSeconds;
  return votesTerm + timeTerm;
}

/**
 * The same rank as SQL, for set-based writers (the benchmark seed of bench/comments writes
 * 100,000 comments in one INSERT … SELECT) and for the vote's single statement, which recomputes
 * the rank of the row it has just locked: `score` and `createdAt` are SQL expressions of an integer
 * and a timestamp(3) (without time zone, UTC, as Prisma stores them). Every operation is the one
 * commentRank does, in the same order, on the same doubles (the time term from the exact number of
 * milliseconds), so the two agree to the last bit or two; ranking.test.ts checks it.
 */
export function commentRankSql(score: string, createdAt: string): string {
  const k = `(${score})::float8`;
  const bound = `CASE WHEN ${k} <= 0 THEN 0 ELSE greatest(0, ${k} * power(1 - 1 / (9 * ${k}) - ${z90}::float8 / (3 * sqrt(${k})), 3)) END`;
  const milliseconds = `(extract(epoch FROM (${createdAt})::timestamp(3)) * 1000 - ${rankEpochMs})::float8`;
  return `(ln(${bound} + 1) + ${milliseconds} / 1000 / ${rankTimeConstantSeconds})`;
}
