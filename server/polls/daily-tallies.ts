/**
 * The over-time tallies of a poll, kept inside each ballot's own statement: per option and UTC day
 * the net change of its count (+1 chosen, −1 unchosen), and per poll and day the net change of its
 * voters (+1 new ballot, −1 withdrawn). Summed over all days they equal the current counts, so the
 * share on any past day is the running sum up to that day (server/polls/over-time.ts).
 *
 * They are written by the SQL functions `poll_cast_ballot` and `poll_withdraw_ballot` (migration
 * …_poll_answer_pairs; server/polls/ballot-sql.ts), after the option and poll counters, in option-id
 * order then the poll's row, so that concurrent ballots lock them in one order. The day is the UTC
 * calendar day of the ballot's time, the same day utcDay gives.
 */
export { utcDay } from "./over-time.ts";
