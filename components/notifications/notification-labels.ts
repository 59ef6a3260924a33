/**
 * The words of the bell and the notification list, read on the server and handed to the client
 * as props: the header's account island ships no message catalog (see components/layout/site-header.tsx).
 */
import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/server/i18n/locales.ts";

export interface NotificationLabels {
  locale: AppLocale;
  title: string;
  bell: string;
  /** "{count}" is left in for the number. */
  bellUnread: string;
  markAllRead: string;
  empty: string;
  viewAll: string;
  /** "{name}" is left in for the replier's name. */
  replied: string;
  someone: string;
  unread: string;
  justNow: string;
  loadFailed: string;
  retry: string;
  close: string;
}

export async function loadNotificationLabels(locale: AppLocale): Promise<NotificationLabels> {
  const t = await getTranslations({ locale, namespace: "notifications" });
  return {
    locale,
    title: t("title"),
    bell: t("bell"),
    bellUnread: t.raw("bellUnread") as string,
    markAllRead: t("markAllRead"),
    empty: t("empty"),
    viewAll: t("viewAll"),
    replied: t.raw("replied") as string,
    someone: t("someone"),
    unread: t("unread"),
    justNow: t("justNow"),
    loadFailed: t("loadFailed"),
    retry: t("retry"),
    close: t("close"),
  };
}

/** The bell's accessible name: "通知，3 条未读" / "Notifications, 3 unread", or just "通知". */
export function bellName(labels: Pick<NotificationLabels, "bell" | "bellUnread">, unread: number): string {
  return unread > 0 ? labels.bellUnread.replace("{count}", String(unread)) : labels.bell;
}
