/**
 * /notifications: all of the reader's notifications, 20 a page, newest first. Paged with plain
 * links (?cursor=…), so it works without JavaScript and on phones where the bell's panel is small.
 */
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { loadNotificationLabels } from "@/components/notifications/notification-labels.ts";
import { NotificationsPageList } from "@/components/notifications/notifications-page-list.tsx";
import { ClientProviders } from "@/components/providers/app-providers.tsx";
import { Card, CardDescription, CardTitle, LinkButton, PageContainer } from "@/components/ui/index.ts";
import { getReaderCaller } from "@/server/api/reader-caller.ts";
import { isLocale } from "@/server/i18n/locales.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ cursor?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "notifications" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function NotificationsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { cursor: rawCursor } = await searchParams;
  const cursor = typeof rawCursor === "string" ? rawCursor : null;

  const reader = await getReaderCaller(locale);
  if (!reader) redirect(`/signin?callbackUrl=${encodeURIComponent("/notifications")}`);
  const page = await reader.caller.notifications.list({ cursor, limit: 20 }).catch((error: unknown) => {
    // A stale or hand-edited cursor: start again from the newest.
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") redirect("/notifications");
    throw error;
  });
  const t = await getTranslations({ locale, namespace: "notifications" });
  const labels = await loadNotificationLabels(locale);

  return (
    <PageContainer width="medium">
      <Card>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("intro")}</CardDescription>
        <div className="mt-6">
          <ClientProviders locale={locale}>
            <NotificationsPageList items={page.items} labels={labels} />
          </ClientProviders>
        </div>
        {cursor || page.nextCursor ? (
          <nav aria-label={t("title")} className="mt-6 flex flex-wrap justify-between gap-3 border-t border-line pt-5">
            {cursor ? (
              <LinkButton variant="ghost" size="sm" href="/notifications">
                {t("newest")}
              </LinkButton>
            ) : (
              <span />
            )}
            {page.nextCursor ? (
              <LinkButton variant="secondary" size="sm" href={`/notifications?cursor=${encodeURIComponent(page.nextCursor)}`} data-testid="notifications-older">
                {t("older")}
              </LinkButton>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </PageContainer>
  );
}
