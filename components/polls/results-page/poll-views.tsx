"use client";
/**
 * The per-reader part of a poll's results page: the overall results (the poll card's component),
 * the breakdown by generation and the chart over time, each asked with the reader's session and
 * each saying so when the poll's results visibility hides it from them.
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { PollBreakdown } from "../breakdown/poll-breakdown.tsx";
import { PollOverTime } from "../over-time/poll-over-time.tsx";
import type { PollDefinition } from "../poll-definition.ts";
import { PollResults } from "../poll-results.tsx";
import { QueryProblem } from "./query-problem.tsx";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-line bg-surface p-5 shadow-[0_1px_2px_rgb(0_0_0/0.04)] sm:p-7">
      <h2 id={id} className="text-lg font-bold tracking-tight text-fg">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

function OverallResults({ poll }: { poll: PollDefinition }) {
  const t = useTranslations("polls");
  const trpc = useTRPC();
  const results = useQuery(trpc.polls.results.queryOptions({ pollId: poll.id }));
  if (results.isPending) return <p className="text-sm text-muted">{t("views.page.loading")}</p>;
  if (results.isError) return <QueryProblem message={results.error.message} onRetry={() => results.refetch()} />;
  if (!results.data.visible) return <p className="text-sm text-muted" data-testid="poll-results-hidden">{t(`results.hidden.${results.data.reason}`)}</p>;
  return <PollResults poll={poll} results={results.data} viewsLink={false} />;
}

export function PollViews({ poll, by }: { poll: PollDefinition; by: PollDefinition | null }) {
  const t = useTranslations("polls.views");
  return (
    <div className="flex flex-col gap-6">
      <Section id="poll-results-heading" title={t("page.results")}>
        <OverallResults poll={poll} />
      </Section>
      {by ? (
        <Section id="poll-breakdown-heading" title={t("breakdown.title")}>
          <PollBreakdown poll={{ id: poll.id, question: poll.question, options: poll.options }} by={{ id: by.id, question: by.question, options: by.options }} />
        </Section>
      ) : null}
      <Section id="poll-over-time-heading" title={t("overTime.title")}>
        <PollOverTime pollId={poll.id} options={poll.options} />
      </Section>
    </div>
  );
}
