/** /moderate/polls: every poll of the essay with its state and counts, and the way to a new one. */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { moderationPageMetadata, openModerationPage } from "@/components/moderation/moderation-page.tsx";
import { ModerationNav } from "@/components/moderation/moderation-nav.tsx";
import { moderationCaller } from "@/components/moderation/moderator-access.ts";
import { PollList } from "@/components/moderation/poll-list.tsx";
import { LinkButton, PageContainer } from "@/components/ui/index.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return moderationPageMetadata((await params).locale, "moderation.polls.list");
}

export default async function ModeratePollsPage({ params }: Props) {
  const page = await openModerationPage((await params).locale, "/moderate/polls");
  if (!page.open) return page.view;
  const { locale } = page;
  const t = await getTranslations({ locale, namespace: "moderation.polls.list" });
  const list = await (await moderationCaller()).polls.moderation.list();

  return (
    <PageContainer width="medium">
      <ModerationNav locale={locale} current="polls" />
      <div className="mt-5 mb-8 flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight text-fg sm:text-3xl">{t("title")}</h1>
          <p className="mt-2 text-[0.9375rem] text-muted">
            {/* One message, so each language spaces its colon its own way ("Essay: …", "文章：…"). */}
            {t.rich("essay", {
              title: list.essay.title,
              essay: (title) => (
                <span lang="zh-CN" className="font-medium text-fg">
                  {title}
                </span>
              ),
            })}
          </p>
        </div>
        <LinkButton href="/moderate/polls/new" data-testid="new-poll-link">
          {t("new")}
        </LinkButton>
      </div>
      <PollList locale={locale} list={list} />
    </PageContainer>
  );
}
