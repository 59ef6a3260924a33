/**
 * The localized 403 for a signed-in reader without the moderator role, answered with status 403
 * through the page's status marker (server/http/status-marker.ts, as not-found-view.tsx does).
 */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProblemPage } from "@/components/feedback/problem-page.tsx";
import { LinkButton } from "@/components/ui/button.tsx";
import { httpStatusMetaName } from "@/server/http/status-marker.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";

export async function forbiddenMetadata(locale: AppLocale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "moderation.forbidden" });
  return { title: t("title"), robots: { index: false, follow: false }, other: { [httpStatusMetaName]: "403" } };
}

export async function ForbiddenView({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "moderation.forbidden" });
  return (
    <div data-testid="moderation-forbidden">
      <ProblemPage
        code="403"
        title={t("title")}
        body={t("body")}
        action={
          <LinkButton href="/" variant="primary">
            {t("home")}
          </LinkButton>
        }
      />
    </div>
  );
}
