/**
 * /moderate: the moderators' start page — what they can run, and how. Moderators and admins only:
 * signed-out readers sign in first, others get the 403 view (components/moderation/moderation-page.tsx).
 */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { moderationPageMetadata, openModerationPage } from "@/components/moderation/moderation-page.tsx";
import { Card, CardDescription, LinkButton, PageContainer } from "@/components/ui/index.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return moderationPageMetadata((await params).locale, "moderation.hub");
}

export default async function ModeratePage({ params }: Props) {
  const page = await openModerationPage((await params).locale, "/moderate");
  if (!page.open) return page.view;
  const t = await getTranslations({ locale: page.locale, namespace: "moderation.hub" });

  return (
    <PageContainer width="medium">
      <p className="text-xs font-semibold tracking-[0.12em] text-accent uppercase">{t("eyebrow")}</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-fg sm:text-3xl">{t("title")}</h1>
      <p className="mt-3 text-[0.9375rem] leading-relaxed text-muted">{t("intro")}</p>
      <div className="mt-8 grid gap-4">
        <Card className="sm:p-7">
          <h2 className="text-lg font-semibold text-fg">{t("polls.title")}</h2>
          <CardDescription>{t("polls.body")}</CardDescription>
          <div className="mt-5">
            <LinkButton href="/moderate/polls" data-testid="moderate-polls-link">
              {t("polls.action")}
            </LinkButton>
          </div>
        </Card>
      </div>
    </PageContainer>
  );
}
