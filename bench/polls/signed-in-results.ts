/**
 * `polls.results` as a signed-in voter asks for it: the answer carries the reader's own choice, so it
 * depends on who asks and no shared cache can serve it; every request computes it (one statement,
 * server/polls/results-read.ts) after the session lookup.
 */
import { decodedBody } from "../lib/encoding.ts";
import { benchUserId, sessionCookieFor } from "../lib/accounts.ts";
import { queryPath, readAnswer } from "../lib/trpc-wire.ts";
import type { BenchTarget } from "../targets.ts";
import type { SeededPoll } from "./seed.ts";

export function signedInResultsTarget(polls: () => SeededPoll[], voterPrefix: string): BenchTarget {
  const voter = benchUserId(voterPrefix, 1);
  return {
    label: "`polls.results`, signed in as a voter",
    path: () => queryPath("polls.results", { pollId: polls()[0]!.id }),
    headers: () => ({ cookie: sessionCookieFor(voter) }),
    goal: { minPerSecond: 2000, maxP99Ms: 20 },
    check(response) {
      if (response.status !== 200) return [`status ${response.status}, expected 200`];
      const answer = readAnswer<Record<string, unknown>>(decodedBody(response).toString("utf8"));
      if (!answer.ok) return [`error ${answer.code ?? ""} ${answer.message ?? ""}`.trim()];
      if (answer.data.visible !== true) return [`results not visible (${String(answer.data.reason)})`];
      const mine = answer.data.myChoice;
      return Array.isArray(mine) && mine.length === 1 ? [] : [`myChoice ${JSON.stringify(mine)}, expected the voter's one option`];
    },
  };
}
