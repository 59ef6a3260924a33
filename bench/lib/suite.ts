/**
 * What the bench runs, by group (`--only essay|comments|polls`):
 *
 * - a GET target (bench/targets.ts's BenchTarget): one URL loaded by autocannon, its answer
 *   checked before and after;
 * - a scenario: a load autocannon cannot express (mutations from many signed-in readers, server-
 *   sent events) that measures itself and may leave a check for after the load;
 * - a group's seed: the data its targets read, written before the server starts.
 *
 * Checks of what a load wrote run after the server has stopped, when the database can be opened
 * by the bench again (an embedded PGlite data folder is open in one process at a time).
 */
import type { Db } from "@/server/db/client.ts";
import type { Measured } from "./measure.ts";
import type { BenchGroup, BenchOptions } from "./options.ts";
import type { Goal, Row } from "./report.ts";
import type { BenchTarget } from "../targets.ts";

export interface ScenarioContext {
  baseUrl: string;
  serverPid: number;
  options: BenchOptions;
  step(message: string): void;
}

export interface AfterLoadCheck {
  /** The check column's text when nothing is wrong. */
  exact: string;
  /** Problems found in the database; empty when everything adds up. */
  run(db: Db): Promise<string[]>;
}

export interface ScenarioResult {
  measured: Measured;
  notes?: string[];
  check?: AfterLoadCheck;
}

export interface BenchScenario {
  kind: "scenario";
  label: string;
  goal?: Goal;
  /** Throws when it cannot run at all (the row then says why). */
  run(context: ScenarioContext): Promise<ScenarioResult>;
}

export interface BenchSeed {
  label: string;
  /** Writes the data; returns a line for the notes (what was written). */
  run(db: Db): Promise<string>;
}

export interface BenchSuite {
  group: BenchGroup;
  seed?: BenchSeed;
  items: Array<BenchTarget | BenchScenario>;
}

export function isScenario(item: BenchTarget | BenchScenario): item is BenchScenario {
  return "kind" in item && item.kind === "scenario";
}

/** Runs the checks the loads left, once the server has stopped, into their rows' check column. */
export async function runAfterLoadChecks(db: Db, checks: Array<{ row: Row; check: AfterLoadCheck }>, step: (message: string) => void): Promise<void> {
  for (const { row, check } of checks) {
    try {
      const problems = await check.run(db);
      row.check = problems.length === 0 ? check.exact : `**wrong:** ${problems.join("; ")}`;
      row.checkFailed = problems.length > 0;
    } catch (error) {
      row.check = `**check failed:** ${(error as Error).message.split("\n")[0]}`;
      row.checkFailed = true;
    }
    step(`  ${row.target}: ${row.check}`);
  }
}
