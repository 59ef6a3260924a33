/**
 * /moderate/words: the watched words (terms, allow list, "try a sentence", import and export).
 * Admins only: signed-out readers sign in first, moderators and readers get a 403 that says who
 * can (components/moderation/words/admin-page.tsx); every procedure checks the role again.
 */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ModerationBackLink } from "@/components/moderation/moderation-page.tsx";
import { moderationCaller } from "@/components/moderation/moderator-access.ts";
import { adminPageMetadata, openAdminPage } from "@/components/moderation/words/admin-page.tsx";
import { WatchedWordsAdmin } from "@/components/moderation/words/watched-words-admin.tsx";
import { ClientProviders } from "@/components/providers/app-providers.tsx";
import { LinkButton, PageContainer } from "@/components/ui/index.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminPageMetadata((await params).locale, "moderation.words");
}

export default async function WatchedWordsPage({ params }: Props) {
  const page = await openAdminPage((await params).locale, "/moderate/words");
  if (!page.open) return page.view;
  const { locale } = page;
  const t = await getTranslations({ locale, namespace: "moderation.words" });
  const initial = await (await moderationCaller()).watchedWords.list();

  return (
    <PageContainer width="wide" className="max-w-6xl">
      <ModerationBackLink href="/moderate">{t("back")}</ModerationBackLink>
      <div className="mt-5 mb-8 flex flex-wrap items-end justify-between gap-4">
        <div className="max-w-3xl min-w-0">
          <p className="text-xs font-semibold tracking-[0.12em] text-accent uppercase">{t("eyebrow")}</p>
          <h1 className="mt-2 text-2xl font-bold tracking-tight text-fg sm:text-3xl">{t("title")}</h1>
          <p className="mt-3 text-[0.9375rem] leading-relaxed text-muted">{t("intro")}</p>
        </div>
        <LinkButton href="/moderate/staff" variant="secondary" data-testid="staff-link">
          {t("staffLink")}
        </LinkButton>
      </div>
      <ClientProviders locale={locale} namespaces={["moderation"]}>
        <WatchedWordsAdmin initial={initial} />
      </ClientProviders>
    </PageContainer>
  );
}
