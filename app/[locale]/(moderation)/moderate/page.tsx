/**
 * /moderate: the comment console (components/moderation/console), with the way to polls and the
 * audit log. Moderators and admins only: signed-out readers sign in first, others get the 403
 * view (components/moderation/moderation-page.tsx); every procedure checks the role again.
 */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ModerationConsole } from "@/components/moderation/console/moderation-console.tsx";
import { queueKindOf } from "@/components/moderation/console/queue-actions.ts";
import { moderationPageMetadata, openModerationPage } from "@/components/moderation/moderation-page.tsx";
import { ModerationNav } from "@/components/moderation/moderation-nav.tsx";
import { ClientProviders } from "@/components/providers/app-providers.tsx";
import { PageContainer } from "@/components/ui/index.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return moderationPageMetadata((await params).locale, "moderation.console");
}

export default async function ModeratePage({ params, searchParams }: Props) {
  const page = await openModerationPage((await params).locale, "/moderate");
  if (!page.open) return page.view;
  const { locale } = page;
  const t = await getTranslations({ locale, namespace: "moderation.console" });

  return (
    <PageContainer width="wide" className="max-w-5xl">
      <p className="text-xs font-semibold tracking-[0.12em] text-accent uppercase">{t("eyebrow")}</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-fg sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 max-w-2xl text-[0.9375rem] leading-relaxed text-muted">{t("intro")}</p>
      <div className="mt-6">
        <ModerationNav locale={locale} current="comments" />
      </div>
      <div className="mt-6">
        <ClientProviders locale={locale} namespaces={["moderation"]}>
          <ModerationConsole initialKind={queueKindOf((await searchParams).queue)} />
        </ClientProviders>
      </div>
    </PageContainer>
  );
}
