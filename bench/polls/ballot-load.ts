/**
 * `polls.vote` from fresh signed-in readers, each casting one ballot (a first ballot is never
 * rate-limited: server/polls/ballot-change-limit.ts), alternating between the polls. Afterwards
 * every option's count must equal its choices and the seed plus the acknowledged ballots, and
 * every poll's voter count its ballots likewise.
 */
import { benchUserId, sessionCookieFor } from "../lib/accounts.ts";
import type { BenchScenario } from "../lib/suite.ts";
import { checkTallies, type Tally } from "../lib/tallies.ts";
import { mutationBody, mutationPath } from "../lib/trpc-wire.ts";
import { runWriteLoad, writeLoadNotes } from "../lib/write-load.ts";
import type { SeededPoll } from "./seed.ts";

export function ballotLoad(fixture: () => { polls: SeededPoll[]; freshVoters: { prefix: string; count: number } }): BenchScenario {
  const label = "`polls.vote`, one ballot per fresh account";
  return {
    kind: "scenario",
    label,
    goal: { minPerSecond: 1000 },
    async run(context) {
      const { polls, freshVoters } = fixture();
      const ballots = new Map<string, number>(polls.map((p) => [p.id, 0]));
      const choices = new Map<string, number>(polls.flatMap((p) => p.options.map((o) => [o.id, 0] as const)));
      // Ballots that got no answer, by poll and by option: the server may or may not have counted them.
      const unanswered = new Map<string, number>();
      const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
      let sent = 0;
      const next = () => {
        const i = sent++;
        if (i >= freshVoters.count) return null;
        const poll = polls[i % polls.length]!;
        const option = poll.options[Math.floor(i / polls.length) % poll.options.length]!;
        return {
          method: "POST" as const,
          path: mutationPath("polls.vote"),
          headers: { cookie: sessionCookieFor(benchUserId(freshVoters.prefix, i + 1)) },
          body: mutationBody({ pollId: poll.id, optionIds: [option.id] }),
          tag: { pollId: poll.id, optionId: option.id },
        };
      };
      const load = await runWriteLoad<{ pollId: string; optionId: string }>(
        context,
        label,
        next,
        (request) => {
          add(ballots, request.tag!.pollId);
          add(choices, request.tag!.optionId);
        },
        (request) => {
          add(unanswered, request.tag!.pollId);
          add(unanswered, request.tag!.optionId);
        },
      );
      return {
        measured: load.measured,
        notes: writeLoadNotes(label, load),
        check: {
          exact: `${load.acknowledged.toLocaleString("en-US")} acknowledged; voters = ballots, votes = choices, both = seed + acknowledged`,
          async run(db) {
            const tallies: Tally[] = [];
            for (const seeded of polls) {
              const poll = await db.poll.findUniqueOrThrow({
                where: { id: seeded.id },
                select: { voterCount: true, _count: { select: { ballots: true } }, options: { select: { id: true, voteCount: true, _count: { select: { choices: true } } } } },
              });
              tallies.push({ label: `voterCount of ${seeded.key}`, stored: poll.voterCount, counted: poll._count.ballots, expected: seeded.voterCount + ballots.get(seeded.id)!,
                unanswered: unanswered.get(seeded.id) ?? 0,
              });
              for (const option of poll.options) {
                const before = seeded.options.find((o) => o.id === option.id)?.voteCount ?? 0;
                tallies.push({ label: `voteCount of ${seeded.key}/${option.id}`, stored: option.voteCount, counted: option._count.choices, expected: before + (choices.get(option.id) ?? 0),
                  unanswered: unanswered.get(option.id) ?? 0,
                });
              }
            }
            return checkTallies(tallies);
          },
        },
      };
    },
  };
}
