/**
 * The breakdown as a table, the text equivalent of BreakdownChart: a row per group (generation),
 * a column per answer, totals last. Suppressed cells and totals are words, never numbers.
 */
import { cellText, totalText, type BreakdownCell, type BreakdownWords } from "./breakdown-labels.ts";

export interface BreakdownTableProps {
  caption: string;
  groupHeading: string;
  totalHeading: string;
  answers: { id: string; label: string }[];
  groups: { id: string; label: string }[];
  /** cells[answer][group], as polls.breakdown returns them. */
  cells: BreakdownCell[][];
  answerTotals: (number | null)[];
  groupTotals: (number | null)[];
  total: number | null;
  words: BreakdownWords;
}

const cellClass = "px-3 py-2 text-right whitespace-nowrap tabular-nums";

function Value({ text, known }: { text: string; known: boolean }) {
  return <span className={known ? "text-fg" : "text-muted italic"}>{text}</span>;
}

export function BreakdownTable(props: BreakdownTableProps) {
  const { answers, groups, cells, words } = props;
  return (
    // Focusable and named, so a keyboard can scroll the table when it is wider than a phone.
    <div className="overflow-x-auto rounded-xl border border-line" tabIndex={0} role="group" aria-label={props.caption}>
      <table className="w-full min-w-[36rem] border-collapse text-sm" data-testid="breakdown-table">
        <caption className="px-3 pt-3 pb-2 text-left text-sm font-medium text-muted">{props.caption}</caption>
        <thead>
          <tr className="border-y border-line bg-raised/60">
            <th scope="col" className="px-3 py-2 text-left font-semibold text-fg">
              {props.groupHeading}
            </th>
            {answers.map((answer) => (
              <th key={answer.id} scope="col" className="min-w-28 px-3 py-2 text-right align-bottom font-semibold text-fg">
                {answer.label}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right align-bottom font-semibold text-fg">
              {props.totalHeading}
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group, g) => (
            <tr key={group.id} className="border-b border-line last:border-b-0">
              <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap text-fg">
                {group.label}
              </th>
              {answers.map((answer, a) => {
                const cell = cells[a]![g]!;
                return (
                  <td key={answer.id} className={cellClass} data-cell-kind={cell.kind}>
                    <Value text={cellText(cell, words)} known={cell.kind === "count"} />
                  </td>
                );
              })}
              <td className={cellClass} data-cell-kind={props.groupTotals[g] === null ? "withheld" : "count"}>
                <Value text={totalText(props.groupTotals[g] ?? null, words)} known={props.groupTotals[g] !== null} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-line bg-raised/60">
            <th scope="row" className="px-3 py-2 text-left font-semibold text-fg">
              {props.totalHeading}
            </th>
            {answers.map((answer, a) => (
              <td key={answer.id} className={cellClass} data-cell-kind={props.answerTotals[a] === null ? "withheld" : "count"}>
                <Value text={totalText(props.answerTotals[a] ?? null, words)} known={props.answerTotals[a] !== null} />
              </td>
            ))}
            <td className={cellClass} data-cell-kind={props.total === null ? "withheld" : "count"}>
              <Value text={totalText(props.total, words)} known={props.total !== null} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
