/** /moderate/polls/<pollId>: one poll's edit page (components/moderation/poll-editor.tsx) and its CSV. */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundView, notFoundMetadata } from "@/components/feedback/not-found-view.tsx";
import { forbiddenMetadata } from "@/components/moderation/forbidden-view.tsx";
import { ModerationBackLink, openModerationPage } from "@/components/moderation/moderation-page.tsx";
import { mayModerate, moderationCaller } from "@/components/moderation/moderator-access.ts";
import { PollEditor } from "@/components/moderation/poll-editor.tsx";
import { ClientProviders } from "@/components/providers/app-providers.tsx";
import { LinkButton, PageContainer, StatusMessage } from "@/components/ui/index.ts";
import type { ModeratedPoll } from "@/server/api/routers/polls/moderation/schemas.ts";
import { isLocale, type AppLocale } from "@/server/i18n/locales.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; pollId: string }>; searchParams: Promise<{ created?: string }> };

/** The poll, or null when there is none with this id (the procedure's NOT_FOUND). */
async function loadPoll(pollId: string): Promise<ModeratedPoll | null> {
  const caller = await moderationCaller();
  return caller.polls.moderation.get({ pollId: decodeURIComponent(pollId).slice(0, 64) }).catch((error: unknown) => {
    if ((error as { code?: string }).code === "NOT_FOUND") return null;
    throw error;
  });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, pollId } = await params;
  if (!isLocale(locale)) return {};
  if (!(await mayModerate())) return forbiddenMetadata(locale);
  const poll = await loadPoll(pollId);
  if (!poll) return notFoundMetadata(locale);
  const t = await getTranslations({ locale, namespace: "moderation.polls.edit" });
  return { title: t("metaTitle", { question: poll.question[locale as AppLocale] }), robots: { index: false, follow: false } };
}

export default async function EditPollPage({ params, searchParams }: Props) {
  const { locale: requested, pollId } = await params;
  const page = await openModerationPage(requested, `/moderate/polls/${pollId}`);
  if (!page.open) return page.view;
  const { locale } = page;
  const poll = await loadPoll(pollId);
  if (!poll) return <NotFoundView locale={locale} />;
  const t = await getTranslations({ locale, namespace: "moderation.polls" });
  const created = (await searchParams).created === "1";

  return (
    <PageContainer width="medium">
      <ModerationBackLink href="/moderate/polls">{t("edit.back")}</ModerationBackLink>
      <header className="mt-5 mb-8 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <p className="text-xs font-semibold tracking-[0.12em] text-accent uppercase">{t("edit.eyebrow")}</p>
          <h1 className="mt-2 text-2xl leading-snug font-bold tracking-tight break-words text-fg sm:text-3xl" lang="zh-CN">
            {poll.question.zh}
          </h1>
          <p className="mt-1 break-words text-muted" lang="en">
            {poll.question.en}
          </p>
          <p className="mt-2 text-sm text-subtle">
            <span className="font-mono">{poll.key}</span> · {t("voters", { count: poll.voterCount })}
          </p>
        </div>
        <LinkButton href={`/api/polls/${encodeURIComponent(poll.id)}/results.csv`} variant="secondary" download data-testid="poll-csv">
          {t("csv")}
        </LinkButton>
      </header>
      {created ? <StatusMessage tone="success" className="mb-6">{t("edit.created")}</StatusMessage> : null}
      <ClientProviders locale={locale} namespaces={["moderation"]}>
        <PollEditor initialPoll={poll} />
      </ClientProviders>
    </PageContainer>
  );
}
