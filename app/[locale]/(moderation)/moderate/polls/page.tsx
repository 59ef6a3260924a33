/** /moderate/polls: every poll of the essay with its state and counts, and the way to a new one. */
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NotFoundView } from "@/components/feedback/not-found-view.tsx";
import { ForbiddenView, forbiddenMetadata } from "@/components/moderation/forbidden-view.tsx";
import { mayModerate, moderationCaller, moderatorAccess } from "@/components/moderation/moderator-access.ts";
import { PollList } from "@/components/moderation/poll-list.tsx";
import { LinkButton, PageContainer } from "@/components/ui/index.ts";
import { isLocale } from "@/server/i18n/locales.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  if (!(await mayModerate())) return forbiddenMetadata(locale);
  const t = await getTranslations({ locale, namespace: "moderation.polls.list" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function ModeratePollsPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) return <NotFoundView />;
  setRequestLocale(locale);
  if (!(await moderatorAccess("/moderate/polls")).allowed) return <ForbiddenView locale={locale} />;
  const t = await getTranslations({ locale, namespace: "moderation.polls.list" });
  const list = await (await moderationCaller()).polls.moderation.list();

  return (
    <PageContainer width="medium">
      <a href="/moderate" className="text-sm font-medium text-muted hover:text-fg">
        <span aria-hidden="true">← </span>
        {t("back")}
      </a>
      <div className="mt-5 mb-8 flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight text-fg sm:text-3xl">{t("title")}</h1>
          <p className="mt-2 text-[0.9375rem] text-muted">
            {t("essay")}{" "}
            <span lang="zh-CN" className="font-medium text-fg">
              {list.essay.title}
            </span>
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
