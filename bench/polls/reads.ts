/** The poll reads a reader's page makes: `polls.results` and `polls.breakdown`, signed out. */
import { decodedBody } from "../lib/encoding.ts";
import type { RawResponse } from "../lib/http.ts";
import { queryPath, readAnswer } from "../lib/trpc-wire.ts";
import type { BenchTarget } from "../targets.ts";
import type { SeededPoll } from "./seed.ts";

function checkVisible(response: RawResponse, check: (data: Record<string, unknown>) => string[]): string[] {
  if (response.status !== 200) return [`status ${response.status}, expected 200`];
  const answer = readAnswer<Record<string, unknown>>(decodedBody(response).toString("utf8"));
  if (!answer.ok) return [`error ${answer.code ?? ""} ${answer.message ?? ""}`.trim()];
  if (answer.data.visible !== true) return [`results not visible (${String(answer.data.reason)})`];
  return check(answer.data);
}

export function resultsTarget(polls: () => SeededPoll[]): BenchTarget {
  return {
    label: "`polls.results`",
    path: () => queryPath("polls.results", { pollId: polls()[0]!.id }),
    goal: { minPerSecond: 2000, maxP99Ms: 20 },
    check: (response) =>
      checkVisible(response, (data) => {
        const seeded = polls()[0]!.voterCount;
        return typeof data.voterCount === "number" && data.voterCount >= seeded ? [] : [`voterCount ${String(data.voterCount)}, expected at least ${seeded}`];
      }),
  };
}

export function breakdownTarget(polls: () => SeededPoll[]): BenchTarget {
  return {
    label: "`polls.breakdown`",
    path: () => queryPath("polls.breakdown", { pollId: polls()[0]!.id, byPollId: polls()[1]!.id }),
    goal: { maxP99Ms: 50 },
    check: (response) =>
      checkVisible(response, (data) => {
        const rows = data.rows;
        return Array.isArray(rows) && rows.length === polls()[0]!.options.length ? [] : ["rows are not the poll's options"];
      }),
  };
}
