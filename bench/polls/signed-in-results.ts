/**
 * `polls.results` as a signed-in voter asks for it: the answer carries the reader's own choice, so it
 * depends on who asks and the HTTP read cache cannot serve it. The app keeps the poll's totals and
 * this reader's choice per process until a ballot or poll event clears them
 * (server/polls/kept-results.ts); nobody votes during this row, so it measures the kept path: the
 * session lookup (itself kept), tRPC and the answer, without a database round trip. The checks
 * that a kept answer is never behind the reader's own ballot are tests, not this row.
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
