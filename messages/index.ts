/**
 * The message catalogs: one JSON file per namespace and locale (messages/<locale>/<namespace>.json),
 * merged into the object next-intl expects ({ common: {...}, essay: {...}, ... }).
 *
 * Imported statically rather than with a template-string import so the bundler includes exactly
 * these files and the types follow them.
 */
import type { AppLocale } from "@/server/i18n/locales.ts";
import zhCommon from "./zh/common.json";
import zhEssay from "./zh/essay.json";
import zhAuth from "./zh/auth.json";
import zhAccount from "./zh/account.json";
import zhErrors from "./zh/errors.json";
import zhPolls from "./zh/polls.json";
import zhComments from "./zh/comments.json";
import zhNotifications from "./zh/notifications.json";
import zhModeration from "./zh/moderation.json";
import enCommon from "./en/common.json";
import enEssay from "./en/essay.json";
import enAuth from "./en/auth.json";
import enAccount from "./en/account.json";
import enErrors from "./en/errors.json";
import enPolls from "./en/polls.json";
import enComments from "./en/comments.json";
import enNotifications from "./en/notifications.json";
import enModeration from "./en/moderation.json";

const catalogs = {
  zh: { common: zhCommon, essay: zhEssay, auth: zhAuth, account: zhAccount, errors: zhErrors, polls: zhPolls, comments: zhComments, notifications: zhNotifications, moderation: zhModeration },
  en: { common: enCommon, essay: enEssay, auth: enAuth, account: enAccount, errors: enErrors, polls: enPolls, comments: enComments, notifications: enNotifications, moderation: enModeration },
} as const;

/** The Chinese catalog is the reference: every English file mirrors its keys. */
export type Messages = (typeof catalogs)["zh"];
export type Namespace = keyof Messages;

export function loadMessages(locale: AppLocale): Messages {
  return catalogs[locale] as Messages;
}

/** Only some namespaces, for NextIntlClientProvider: client components get what they use, no more. */
export function pickMessages(locale: AppLocale, namespaces: readonly Namespace[]): Partial<Messages> {
  const all = loadMessages(locale);
  return Object.fromEntries(namespaces.map((namespace) => [namespace, all[namespace]])) as Partial<Messages>;
}
