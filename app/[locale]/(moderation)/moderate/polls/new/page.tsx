/** /moderate/polls/new: the form for a new poll on the essay. */
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NotFoundView } from "@/components/feedback/not-found-view.tsx";
import { ForbiddenView, forbiddenMetadata } from "@/components/moderation/forbidden-view.tsx";
import { mayModerate, moderationCaller, moderatorAccess } from "@/components/moderation/moderator-access.ts";
import { PollCreateForm } from "@/components/moderation/poll-create-form.tsx";
import { ClientProviders } from "@/components/providers/app-providers.tsx";
import { Card, PageContainer } from "@/components/ui/index.ts";
import { isLocale } from "@/server/i18n/locales.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  if (!(await mayModerate())) return forbiddenMetadata(locale);
  const t = await getTranslations({ locale, namespace: "moderation.polls.create" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function NewPollPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) return <NotFoundView />;
  setRequestLocale(locale);
  if (!(await moderatorAccess("/moderate/polls/new")).allowed) return <ForbiddenView locale={locale} />;
  const t = await getTranslations({ locale, namespace: "moderation.polls.create" });
  const { essay } = await (await moderationCaller()).polls.moderation.list();

  return (
    <PageContainer width="medium">
      <a href="/moderate/polls" className="text-sm font-medium text-muted hover:text-fg">
        <span aria-hidden="true">← </span>
        {t("back")}
      </a>
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
