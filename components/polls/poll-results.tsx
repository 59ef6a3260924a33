"use client";
/**
 * A poll's results as a bar chart that is also its own text equivalent: a list whose items say
 * "option: n votes, p%" in words (visible, and the accessible name of each item), with the bars
 * drawn beside them for the eye only. The reader's own choice is marked in words and colour.
 */
import { useFormatter, useTranslations } from "next-intl";
import { cx } from "@/components/ui";
import type { ResultsOutput } from "@/server/api/routers/polls/schemas.ts";
import type { PollDefinition } from "./poll-definition.ts";
import { pollViewsHref, pollViewsLinkKey } from "./results-page/poll-views-link.ts";

type VisibleResults = Extract<ResultsOutput, { visible: true }>;

/** viewsLink: link to the poll's results page (by generation, over time); off on that page itself. */
export function PollResults({ poll, results, viewsLink = true }: { poll: PollDefinition; results: VisibleResults; viewsLink?: boolean }) {
  const t = useTranslations("polls.results");
  const tViews = useTranslations("polls.views");
  const format = useFormatter();
  const mine = new Set(results.myChoice ?? []);
  const counts = new Map(results.options.map((option) => [option.id, option]));
  const percent = (share: number) => format.number(share, { style: "percent", maximumFractionDigits: 0 });

  return (
    <div className="mt-5" data-testid="poll-results">
      <h3 className="sr-only">{t("title")}</h3>
      <ul className="flex flex-col gap-3" aria-label={t("title")}>
        {poll.options.map((option) => {
          const count = counts.get(option.id) ?? { votes: 0, share: 0 };
          const isMine = mine.has(option.id);
          const summary = t("summary", { label: option.label, votes: count.votes, percent: percent(count.share) });
          return (
            <li key={option.id} data-mine={isMine || undefined} data-option={option.key} aria-label={isMine ? t("summaryMine", { summary }) : summary}>
              <div className="flex items-baseline justify-between gap-3 text-[0.9375rem] leading-snug">
                <span className={cx("min-w-0", isMine ? "font-semibold text-fg" : "text-fg")}>
                  {option.label}
                  {isMine ? (
                    <span className="ml-2 inline-flex translate-y-[-1px] items-center rounded-full bg-accent px-2 py-px align-middle text-[0.6875rem] font-semibold text-accent-fg">
                      {t("mine")}
                    </span>
                  ) : null}
                </span>
                <span className="shrink-0 text-sm tabular-nums text-muted">
                  <span className={cx("font-semibold", isMine ? "text-accent" : "text-fg")}>{percent(count.share)}</span>
                  <span className="ml-1.5">{t("votes", { count: count.votes })}</span>
                </span>
              </div>
              <div aria-hidden="true" className="mt-1.5 h-2.5 overflow-hidden rounded-full bg-raised">
                <div
                  className={cx("h-full rounded-full transition-[width] duration-500 ease-out", isMine ? "bg-accent" : "bg-muted/45")}
                  style={{ width: `${Math.min(100, Math.round(count.share * 1000) / 10)}%` }}
                />
              </div>
            </li>
          );
        })}
      </ul>
      <p className="mt-4 text-sm text-muted" data-testid="poll-voters">
        {t("voters", { count: results.voterCount })}
      </p>
      {viewsLink ? (
        <a href={pollViewsHref(poll.id)} className="mt-2 inline-block text-sm font-medium text-accent underline-offset-4 hover:underline" data-testid="poll-views-link">
          {tViews(pollViewsLinkKey(poll.key))}
          <span aria-hidden="true"> →</span>
        </a>
      ) : null}
    </div>
  );
}
