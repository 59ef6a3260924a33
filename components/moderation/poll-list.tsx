/**
 * The polls of an essay for moderators: question in both languages, state, voters, kind, results
 * visibility and placements, with links to edit and to the CSV. Server-rendered; words come from
 * the moderation catalog.
 */
import { getFormatter, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/index.ts";
import type { ModeratedPollList } from "@/server/api/routers/polls/moderation/schemas.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { PollStateBadge } from "./poll-state-badge.tsx";

export async function PollList({ locale, list }: { locale: AppLocale; list: ModeratedPollList }) {
  const t = await getTranslations({ locale, namespace: "moderation.polls" });
  const format = await getFormatter({ locale });
  if (list.polls.length === 0) return <p className="rounded-2xl border border-dashed border-line p-8 text-center text-muted">{t("list.empty")}</p>;

  return (
    <ul className="flex flex-col gap-4" aria-label={t("list.label")}>
      {list.polls.map((poll) => (
        <li key={poll.id} className="rounded-2xl border border-line bg-surface p-5 shadow-sm sm:p-6" data-testid="moderated-poll" data-poll={poll.key}>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0 flex-1">
              <h2 className="text-lg leading-snug font-semibold break-words text-fg">
                <a href={`/moderate/polls/${encodeURIComponent(poll.id)}`} className="hover:text-accent" lang="zh-CN">
                  {poll.question.zh}
                </a>
              </h2>
              <p className="mt-1 text-sm break-words text-muted" lang="en">
                {poll.question.en}
              </p>
            </div>
            <PollStateBadge state={poll.state} label={t(`state.${poll.state}`)} />
          </div>
          <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-subtle">{t("list.voters")}</dt>
              <dd className="font-semibold text-fg tabular-nums" data-testid="poll-voter-count">
                {format.number(poll.voterCount)}
              </dd>
            </div>
            <div>
              <dt className="text-subtle">{t("list.kind")}</dt>
              <dd className="text-fg">{poll.kind === "SINGLE" ? t("kind.SINGLE") : t("list.multiple", { max: poll.maxChoices })}</dd>
            </div>
            <div>
              <dt className="text-subtle">{t("list.visibility")}</dt>
              <dd className="text-fg">{t(`visibility.${poll.resultsVisibility}`)}</dd>
            </div>
            <div>
              <dt className="text-subtle">{t("list.placements")}</dt>
              <dd className="text-fg">{poll.placements.length ? poll.placements.map((p) => t(`form.placement.${p as "end"}`)).join(t("edit.listSeparator")) : t("edit.noPlacement")}</dd>
            </div>
          </dl>
          <div className="mt-5 flex flex-wrap gap-2 border-t border-line pt-4">
            <LinkButton href={`/moderate/polls/${encodeURIComponent(poll.id)}`} variant="secondary" size="sm" aria-label={t("list.editPoll", { question: poll.question[locale] })}>
              {t("list.edit")}
            </LinkButton>
            <LinkButton href={`/api/polls/${encodeURIComponent(poll.id)}/results.csv`} variant="ghost" size="sm" download aria-label={t("list.downloadPoll", { question: poll.question[locale] })}>
              {t("csv")}
            </LinkButton>
          </div>
        </li>
      ))}
    </ul>
  );
}
