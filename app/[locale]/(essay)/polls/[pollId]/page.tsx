/**
 * "/polls/<pollId>": one poll's results page — the overall results, the breakdown by generation
 * and the share of each answer over time (docs/polls.md, "Results page"). The question and
 * options are the same for every reader and rendered here; the counts depend on who reads
 * (results visibility) and are asked from the browser (components/polls/results-page/).
 * Rendered per request, like /essays/<slug>: caching would let made-up ids fill the page cache.
 */
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NotFoundView, notFoundMetadata } from "@/components/feedback/not-found-view.tsx";
import { loadPollPage } from "@/components/polls/results-page/load-poll-page.ts";
import { PollViews } from "@/components/polls/results-page/poll-views.tsx";
import { ClientProviders } from "@/components/providers/app-providers.tsx";
import { PageContainer } from "@/components/ui/index.ts";
import { isLocale } from "@/server/i18n/locales.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; pollId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, pollId } = await params;
  if (!isLocale(locale)) return {};
  const page = await loadPollPage(locale, decodeURIComponent(pollId));
  if (!page) return notFoundMetadata(locale);
  const t = await getTranslations({ locale, namespace: "polls.views.page" });
  return { title: t("metaTitle", { question: page.poll.question }) };
}

export default async function PollResultsPage({ params }: Props) {
  const { locale, pollId } = await params;
  if (!isLocale(locale)) return <NotFoundView />;
  setRequestLocale(locale);
  const page = await loadPollPage(locale, decodeURIComponent(pollId));
  if (!page) return <NotFoundView locale={locale} />;
  const t = await getTranslations({ locale, namespace: "polls.views.page" });

  return (
    <PageContainer width="wide">
      <div className="mx-auto max-w-4xl">
        <a href={page.essay.href} className="inline-flex max-w-full items-center gap-1.5 text-sm font-medium text-muted hover:text-fg" data-testid="poll-back-link">
          <span aria-hidden="true">←</span>
          <span className="shrink-0">{t("back")}</span>
          <span aria-hidden="true">·</span>
          <span lang="zh-CN" className="min-w-0 truncate sm:max-w-[24rem]">
            {page.essay.title}
          </span>
        </a>
        <header className="mt-6 mb-8">
          <p className="text-xs font-semibold tracking-[0.12em] text-accent uppercase">{t("eyebrow")}</p>
          <h1 className="mt-2 text-2xl leading-snug font-bold tracking-tight text-fg sm:text-3xl">{page.poll.question}</h1>
        </header>
        <ClientProviders locale={locale} namespaces={["polls"]}>
          <PollViews poll={page.poll} by={page.by} />
        </ClientProviders>
      </div>
    </PageContainer>
  );
}
