/** How the breakdown's cells and totals read: a count, or words that never carry the small number. */
import type { BreakdownOutput } from "@/server/api/routers/polls/schemas.ts";

export type BreakdownCell = Extract<BreakdownOutput, { visible: true }>["cells"][number][number];

export interface BreakdownWords {
  count: (value: number) => string;
  fewerThan: (threshold: number) => string;
  hidden: string;
  withheld: string;
}

export function cellText(cell: BreakdownCell, words: BreakdownWords): string {
  switch (cell.kind) {
    case "count":
      return words.count(cell.value);
    case "fewerThan":
      return words.fewerThan(cell.threshold);
    case "hidden":
      return words.hidden;
  }
}

/** A row or column total: null when a suppressed cell is in its line (docs/polls.md, step 4). */
export function totalText(total: number | null, words: BreakdownWords): string {
  return total === null ? words.withheld : words.count(total);
}
