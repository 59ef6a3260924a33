"use client";
/**
 * "By generation": polls.breakdown for the reader (it refuses nothing, but says when the results
 * are hidden from them), drawn as BreakdownChart with BreakdownTable as its text equivalent and a
 * sentence on why some cells carry no number.
 */
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc.ts";
import { QueryProblem } from "@/components/polls/results-page/query-problem.tsx";
import { BreakdownChart } from "./breakdown-chart.tsx";
import type { BreakdownWords } from "./breakdown-labels.ts";
import { BreakdownTable } from "./breakdown-table.tsx";

interface Side {
  id: string;
  question: string;
  options: { id: string; label: string }[];
}

export function PollBreakdown({ poll, by }: { poll: Side; by: Side }) {
  const t = useTranslations("polls.views.breakdown");
  const tPolls = useTranslations("polls");
  const format = useFormatter();
  const trpc = useTRPC();
  const breakdown = useQuery(trpc.polls.breakdown.queryOptions({ pollId: poll.id, byPollId: by.id }));

  if (breakdown.isPending) return <p className="text-sm text-muted">{tPolls("views.page.loading")}</p>;
  if (breakdown.isError) return <QueryProblem message={breakdown.error.message} onRetry={() => breakdown.refetch()} />;
  const data = breakdown.data;
  if (!data.visible) return <p className="text-sm text-muted">{tPolls(`results.hidden.${data.reason}`)}</p>;

  const words: BreakdownWords = {
    count: (value) => format.number(value),
    fewerThan: (threshold) => t("fewerThan", { threshold }),
    hidden: t("hidden"),
    withheld: t("withheld"),
  };
  // Options in the order the server counted them; a label for every id it returns.
  const label = (options: Side["options"], id: string) => ({ id, label: options.find((o) => o.id === id)?.label ?? "" });
  const answers = data.rows.map((id) => label(poll.options, id));
  const groups = data.columns.map((id) => label(by.options, id));
  // With every cell suppressed a chart would only draw stubs: the table says it in words.
  const charted = data.cells.some((row) => row.some((cell) => cell.kind === "count"));

  return (
    <div className="flex flex-col gap-6" data-testid="poll-breakdown">
      <p className="text-[0.9375rem] leading-relaxed text-muted">{t("intro", { question: poll.question, by: by.question })}</p>
      {charted ? (
        <BreakdownChart answers={answers} groups={groups} cells={data.cells} groupTotals={data.columnTotals} words={words} />
      ) : (
        <p className="text-sm text-muted">{t("empty")}</p>
      )}
      <BreakdownTable
        caption={t("caption", { question: poll.question, by: by.question })}
        groupHeading={t("group")}
        totalHeading={t("total")}
        answers={answers}
        groups={groups}
        cells={data.cells}
        answerTotals={data.rowTotals}
        groupTotals={data.columnTotals}
        total={data.total}
        words={words}
      />
      <p className="text-sm leading-relaxed text-muted" data-testid="breakdown-note">
        {t("note")}
      </p>
    </div>
  );
}
