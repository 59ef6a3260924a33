"use client";
/** "Over time": polls.overTime for the reader, as OverTimeChart with OverTimeTable beside it. */
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc.ts";
import { QueryProblem } from "@/components/polls/results-page/query-problem.tsx";
import { OverTimeChart } from "./over-time-chart.tsx";
import { OverTimeTable } from "./over-time-table.tsx";

export function PollOverTime({ pollId, options }: { pollId: string; options: { id: string; label: string }[] }) {
  const t = useTranslations("polls.views.overTime");
  const tPolls = useTranslations("polls");
  const trpc = useTRPC();
  const overTime = useQuery(trpc.polls.overTime.queryOptions({ pollId }));

  if (overTime.isPending) return <p className="text-sm text-muted">{tPolls("views.page.loading")}</p>;
  if (overTime.isError) return <QueryProblem message={overTime.error.message} onRetry={() => overTime.refetch()} />;
  const data = overTime.data;
  if (!data.visible) return <p className="text-sm text-muted">{tPolls(`results.hidden.${data.reason}`)}</p>;
  if (data.days.length === 0) return <p className="text-sm text-muted">{t("notOpen")}</p>;
  // Each point's counts in the order of the page's options, so index i is option i everywhere below.
  const days = data.days.map((point) =>
    point.kind === "shown"
      ? { ...point, options: options.map((option) => point.options.find((count) => count.id === option.id) ?? { id: option.id, votes: 0, share: 0 }) }
      : point,
  );

  return (
    <div className="flex flex-col gap-5" data-testid="poll-over-time">
      <p className="text-[0.9375rem] leading-relaxed text-muted">{t("intro")}</p>
      {days.some((point) => point.kind === "shown") ? (
        <>
          <OverTimeChart days={days} options={options} />
          <OverTimeTable days={days} options={options} />
        </>
      ) : (
        <p className="text-sm text-muted" data-testid="over-time-empty">
          {t("empty")}
        </p>
      )}
      <p className="text-sm leading-relaxed text-muted">{t("note")}</p>
    </div>
  );
}
