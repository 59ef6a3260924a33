/**
 * /moderate/staff: the moderators and admins, and an admin granting or removing the moderator
 * role (found by email). Admins only, as /moderate/words.
 */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ModerationBackLink } from "@/components/moderation/moderation-page.tsx";
import { moderationCaller } from "@/components/moderation/moderator-access.ts";
import { StaffAdmin } from "@/components/moderation/words/staff-admin.tsx";
import { adminPageMetadata, openAdminPage } from "@/components/moderation/words/admin-page.tsx";
import { ClientProviders } from "@/components/providers/app-providers.tsx";
import { PageContainer } from "@/components/ui/index.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminPageMetadata((await params).locale, "moderation.staff");
}

export default async function StaffPage({ params }: Props) {
  const page = await openAdminPage((await params).locale, "/moderate/staff");
  if (!page.open) return page.view;
  const { locale, userId } = page;
  const t = await getTranslations({ locale, namespace: "moderation.staff" });
  const initial = await (await moderationCaller()).staff.list();

  return (
    <PageContainer width="medium">
      <ModerationBackLink href="/moderate/words">{t("back")}</ModerationBackLink>
      <h1 className="mt-5 text-2xl font-bold tracking-tight text-fg sm:text-3xl">{t("title")}</h1>
      <p className="mt-3 mb-8 text-[0.9375rem] leading-relaxed text-muted">{t("intro")}</p>
      <ClientProviders locale={locale} namespaces={["moderation"]}>
        <StaffAdmin initial={initial.staff} selfId={userId} />
      </ClientProviders>
    </PageContainer>
  );
}
