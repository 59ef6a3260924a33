"use client";
/**
 * The breakdown as grouped horizontal bars: one group per answer of the poll it is broken down by
 * (a generation), one bar per answer of the poll, in the series colours. Bars are absolute counts
 * on one scale; a suppressed cell gets a hatched stub and its words, never a length that would
 * state its size. For the eye only: role="img" with a summary, the numbers are in BreakdownTable.
 */
import { useFormatter, useTranslations } from "next-intl";
import { seriesColor } from "@/components/polls/over-time/series-colors.ts";
import { cellText, totalText, type BreakdownCell, type BreakdownWords } from "./breakdown-labels.ts";

export interface BreakdownChartProps {
  answers: { id: string; label: string }[];
  groups: { id: string; label: string }[];
  /** cells[answer][group], as polls.breakdown returns them. */
  cells: BreakdownCell[][];
  groupTotals: (number | null)[];
  words: BreakdownWords;
}

export function BreakdownChart({ answers, groups, cells, groupTotals, words }: BreakdownChartProps) {
  const t = useTranslations("polls.views.breakdown");
  const format = useFormatter();
  const max = Math.max(1, ...cells.flat().map((cell) => (cell.kind === "count" ? cell.value : 0)));
  const summary = groups
    .map((group, g) =>
      t("chartGroup", {
        group: group.label,
        items: answers.map((answer, a) => t("chartItem", { label: answer.label, value: cellText(cells[a]![g]!, words) })).join(", "),
      }),
    )
    .join("; ");

  return (
    <div role="img" aria-label={t("chartLabel", { summary })} data-testid="breakdown-chart">
      <ul aria-hidden="true" className="mb-5 flex flex-wrap gap-x-5 gap-y-1.5 text-sm text-muted">
        {answers.map((answer, a) => (
          <li key={answer.id} className="flex items-center gap-2">
            <span className="inline-block size-3 shrink-0 rounded-sm" style={{ background: seriesColor(a) }} />
            {answer.label}
          </li>
        ))}
      </ul>
      <div aria-hidden="true" className="flex flex-col gap-5">
        {groups.map((group, g) => {
          const total = groupTotals[g] ?? null;
          return (
            <div key={group.id} className="grid gap-x-4 gap-y-1.5 sm:grid-cols-[7.5rem_1fr]">
              <div className="flex items-baseline gap-2 sm:flex-col sm:gap-0">
                <span className="font-semibold text-fg">{group.label}</span>
                <span className="text-xs text-muted tabular-nums">{total === null ? totalText(null, words) : t("voters", { count: total })}</span>
              </div>
              <div className="flex flex-col gap-1">
                {answers.map((answer, a) => {
                  const cell = cells[a]![g]!;
                  const share = cell.kind === "count" && total ? ` · ${format.number(cell.value / total, { style: "percent", maximumFractionDigits: 0 })}` : "";
                  return (
                    <div key={answer.id} className="flex items-center gap-2 text-xs">
                      {cell.kind === "count" ? (
                        <span
                          className="h-3 rounded-r-sm"
                          style={{ width: `max(2px, calc((100% - 7rem) * ${cell.value / max}))`, background: seriesColor(a) }}
                        />
                      ) : cell.kind === "fewerThan" ? (
                        <span
                          className="h-3 w-2 rounded-r-sm opacity-70"
                          style={{ background: `repeating-linear-gradient(135deg, ${seriesColor(a)} 0 2px, transparent 2px 4px)` }}
                        />
                      ) : null}
                      <span className={cell.kind === "count" ? "text-fg tabular-nums" : "text-muted italic"}>
                        {cellText(cell, words)}
                        {share}
                      </span>
                    </div>
                  );
                })}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
