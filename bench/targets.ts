/**
 * What the bench loads, by group (bench/lib/suite.ts): the essay page and `essay.get` in
 * bench/essay-targets.ts, the comments issue's targets in bench/comments/, the polls issue's in
 * bench/polls/. Each GET target says which request to send and what a correct answer looks like
 * (checked before and after the load, so a fast error page can never pass for a fast page).
 *
 * Adding a target: add it to its group's suite. Data it reads that the essay seed does not write
 * belongs to the group's `seed`: it runs once per database, after migrations and the essay seed,
 * before the server starts (an embedded PGlite data folder can be open in one process at a time).
 */
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import type { RawResponse } from "./lib/http.ts";
import type { BenchOptions } from "./lib/options.ts";
import type { Goal } from "./lib/report.ts";
import type { BenchSuite } from "./lib/suite.ts";
import { commentsSuite } from "./comments/suite.ts";
import { essayGet, essayPage } from "./essay-targets.ts";
import { pollsSuite } from "./polls/suite.ts";

export interface EssayFacts {
  slug: string;
  title: string;
}

export interface BenchTarget {
  /** The "target" column of the table. */
  label: string;
  path(essay: EssayFacts): string;
  /** Headers of this target's requests besides the run's (a signed-in reader's session cookie). */
  headers?(): Record<string, string>;
  /** Problems with an answer; empty when it is the right one. */
  check(response: RawResponse, essay: EssayFacts): string[];
  /** Measure a bare node:http server serving this target's bytes, and this target as a share of it. */
  compareWithCeiling?: boolean;
  /** Measure the JavaScript this page loads first. */
  measureFirstLoadJs?: boolean;
  /** The target for this row. */
  goal?: Goal;
  /** Facts about a right answer worth a note under the table (it is measured all the same). */
  remarks?(response: RawResponse): string[];
}

export function readEssayFacts(projectDir: string): EssayFacts {
  const { data } = matter(fs.readFileSync(path.join(projectDir, "content/essay.md"), "utf8"));
  if (typeof data.slug !== "string" || typeof data.title !== "string") {
    throw new Error("content/essay.md has no slug or title in its front matter");
  }
  return { slug: data.slug, title: data.title };
}

/** The groups `--only` chose, each with fresh state (one set per database run). */
export function createSuites(options: BenchOptions, essay: EssayFacts): BenchSuite[] {
  const all: BenchSuite[] = [
    { group: "essay", items: [essayPage, essayGet] },
    commentsSuite(options, essay),
    pollsSuite(options, essay),
  ];
  return all.filter((suite) => options.groups.includes(suite.group));
}
