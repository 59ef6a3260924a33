/** /moderate/polls/new: the form for a new poll on the essay. */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ModerationBackLink, moderationPageMetadata, openModerationPage } from "@/components/moderation/moderation-page.tsx";
import { moderationCaller } from "@/components/moderation/moderator-access.ts";
import { PollCreateForm } from "@/components/moderation/poll-create-form.tsx";
import { ClientProviders } from "@/components/providers/app-providers.tsx";
import { Card, PageContainer } from "@/components/ui/index.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return moderationPageMetadata((await params).locale, "moderation.polls.create");
}

export default async function NewPollPage({ params }: Props) {
  const page = await openModerationPage((await params).locale, "/moderate/polls/new");
  if (!page.open) return page.view;
  const { locale } = page;
  const t = await getTranslations({ locale, namespace: "moderation.polls.create" });
  const { essay } = await (await moderationCaller()).polls.moderation.list();

  return (
    <PageContainer width="medium">
      <ModerationBackLink href="/moderate/polls">{t("back")}</ModerationBackLink>
      <h1 className="mt-5 text-2xl font-bold tracking-tight text-fg sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 mb-8 text-[0.9375rem] text-muted">
        {t("intro")}{" "}
        <span lang="zh-CN" className="font-medium text-fg">
          {essay.title}
        </span>
      </p>
      <Card>
        <ClientProviders locale={locale} namespaces={["moderation"]}>
          <PollCreateForm essaySlug={essay.slug} />
        </ClientProviders>
      </Card>
    </PageContainer>
  );
}
