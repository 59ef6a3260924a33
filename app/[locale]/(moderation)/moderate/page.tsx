/**
 * /moderate: the moderators' start page — what they can run, and how. Moderators and admins only:
 * signed-out readers sign in first, others get the 403 view (components/moderation/moderator-access.ts).
 */
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NotFoundView } from "@/components/feedback/not-found-view.tsx";
import { ForbiddenView, forbiddenMetadata } from "@/components/moderation/forbidden-view.tsx";
import { mayModerate, moderatorAccess } from "@/components/moderation/moderator-access.ts";
import { Card, CardDescription, LinkButton, PageContainer } from "@/components/ui/index.ts";
import { isLocale } from "@/server/i18n/locales.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  if (!(await mayModerate())) return forbiddenMetadata(locale);
  const t = await getTranslations({ locale, namespace: "moderation.hub" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function ModeratePage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) return <NotFoundView />;
  setRequestLocale(locale);
  if (!(await moderatorAccess("/moderate")).allowed) return <ForbiddenView locale={locale} />;
  const t = await getTranslations({ locale, namespace: "moderation.hub" });

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
