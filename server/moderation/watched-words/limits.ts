/**
 * Bounds on a watch list, so compiling and matching stay cheap whatever an admin imports.
 * The automaton's size is at most terms × normalized length states; a hostile text can produce
 * at most one match per distinct term length at each position, and we keep a bounded number.
 */
export const watchListLimits = {
  /** Characters (code points) of a term or allow phrase as typed. */
  maxTermLength: 50,
  /** The target is 5,000 terms; twice that leaves room without changing the cost class. */
  maxTerms: 10_000,
  maxAllowPhrases: 2_000,
  maxTagLength: 40,
  /**
   * Matches kept per action for one text. Per action so that a flood of weak matches cannot crowd
   * out a "block"; the decision needs one match of the strongest action, a highlight a few hundred.
   */
  maxMatchesPerAction: 500,
} as const;
