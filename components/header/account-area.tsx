"use client";
/**
 * The per-reader part of the header (sign-in link or account menu, and adopting a signed-in
 * reader's saved language). Its own tRPC/React Query root, loaded after hydration by
 * header-account.tsx, so none of it weighs on the essay's first load.
 */
import { TrpcReactProvider } from "@/components/providers/trpc-provider.tsx";
import { LocaleSync } from "@/components/locale/locale-sync.tsx";
import type { NotificationLabels } from "@/components/notifications/notification-labels.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { AuthStatus, type AuthStatusLabels } from "./auth-status.tsx";

export default function AccountArea({
  locale,
  labels,
  notificationLabels,
}: {
  locale: AppLocale;
  labels: AuthStatusLabels;
  notificationLabels: NotificationLabels;
}) {
  return (
    <TrpcReactProvider>
      <AuthStatus labels={labels} notificationLabels={notificationLabels} />
      <LocaleSync locale={locale} />
    </TrpcReactProvider>
  );
}
