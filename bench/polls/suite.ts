/** The polls issue's benchmarks (issue 5, "Performance"): seed, reads, then ballots. */
import { seedBenchUsers } from "../lib/accounts.ts";
import type { BenchOptions } from "../lib/options.ts";
import type { BenchSuite } from "../lib/suite.ts";
import type { EssayFacts } from "../targets.ts";
import { ballotLoad } from "./ballot-load.ts";
import { breakdownTarget, resultsTarget } from "./reads.ts";
import { signedInResultsTarget } from "./signed-in-results.ts";
import { seedBallots, type SeededPoll } from "./seed.ts";

export const pollsSizes = { voters: 50_000 } as const;
/** Fresh accounts per second of ballot load: room above the 1,000/s target, so they do not run out. */
const freshVotersPerSecond = 2500;

export function pollsSuite(options: BenchOptions, essay: EssayFacts): BenchSuite {
  const state: { polls: SeededPoll[] | null } = { polls: null };
  const polls = () => {
    if (!state.polls || state.polls.length < 2) throw new Error("the polls seed has not run (or the essay has fewer than two polls)");
    return state.polls;
  };
  const voters = { prefix: "bpu_", count: Math.max(100, Math.round(pollsSizes.voters * options.scale)) };
  const freshVoters = { prefix: "bpf_", count: Math.max(1000, Math.ceil((options.seconds + options.warmupSeconds) * freshVotersPerSecond)) };
  return {
    group: "polls",
    seed: {
      label: "polls",
      async run(db) {
        // Signed in: one of them asks for results as a voter (signed-in-results.ts).
        await seedBenchUsers(db, { ...voters, signedIn: true });
        await seedBenchUsers(db, { ...freshVoters, signedIn: true });
        state.polls = await seedBallots(db, essay.slug, voters);
        return (
          `polls seed: ${voters.count.toLocaleString("en-US")} voters with a ballot on each of ${state.polls.length} polls; ` +
          `${freshVoters.count.toLocaleString("en-US")} fresh signed-in accounts for \`polls.vote\`.`
        );
      },
    },
    items: [
      resultsTarget(polls),
      signedInResultsTarget(polls, voters.prefix),
      breakdownTarget(polls),
      ballotLoad(() => ({ polls: polls(), freshVoters })),
    ],
  };
}
