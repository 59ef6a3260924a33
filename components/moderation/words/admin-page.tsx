/**
 * Opening an admins-only moderation page: what every moderation page checks (locale, sign-in,
 * the moderator role), then the ADMIN role. A moderator gets a 403 that says who can do this and
 * where moderators see watched words instead (the review queue); the procedures check again.
 */
import "server-only";
import type { Metadata } from "next";
import type { ReactElement } from "react";
import { getTranslations } from "next-intl/server";
import { ProblemPage } from "@/components/feedback/problem-page.tsx";
import { openModerationPage } from "@/components/moderation/moderation-page.tsx";
import { LinkButton } from "@/components/ui/button.tsx";
import { getCurrentUser } from "@/server/auth/current-user.ts";
import { httpStatusMetaName } from "@/server/http/status-marker.ts";
import { isLocale, type AppLocale } from "@/server/i18n/locales.ts";

export type AdminPageOpening = { open: true; locale: AppLocale; userId: string } | { open: false; view: ReactElement };

export async function openAdminPage(locale: string, returnTo: string): Promise<AdminPageOpening> {
  const page = await openModerationPage(locale, returnTo);
  if (!page.open) return page;
  const user = await getCurrentUser();
  if (user?.role !== "ADMIN") return { open: false, view: <AdminOnlyView locale={page.locale} /> };
  return { open: true, locale: page.locale, userId: user.id };
}

/** `metaTitle` of `namespace` for an admin, the 403 title for anyone else; never indexed. */
export async function adminPageMetadata(locale: string, namespace: string): Promise<Metadata> {
  if (!isLocale(locale)) return {};
  const user = await getCurrentUser();
  if (user?.role !== "ADMIN") {
    const t = await getTranslations({ locale, namespace: "moderation.words.forbidden" });
    return { title: t("title"), robots: { index: false, follow: false }, other: { [httpStatusMetaName]: "403" } };
  }
  const t = await getTranslations({ locale, namespace });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

async function AdminOnlyView({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "moderation.words.forbidden" });
  return (
    <div data-testid="admin-only">
      <ProblemPage
        code="403"
        title={t("title")}
        body={t("body")}
        action={
          <LinkButton href="/moderate" variant="primary">
            {t("back")}
          </LinkButton>
        }
      />
    </div>
  );
}
