/**
 * Sign-in copy in the reader's language for code that runs outside a rendered page: the auth
 * route handler's JSON errors and the sign-in email. Catalogs: messages/<locale>/auth.json.
 */
import { createTranslator } from "next-intl";
import zhAuth from "@/messages/zh/auth.json";
import enAuth from "@/messages/en/auth.json";
import type { AppLocale } from "@/server/i18n/locales.ts";

const translators = {
  zh: createTranslator({ locale: "zh", messages: { auth: zhAuth }, namespace: "auth" }),
  en: createTranslator({ locale: "en", messages: { auth: enAuth }, namespace: "auth" }),
};

type AuthTranslator = (typeof translators)["zh"];

/** The translator for the auth namespace, e.g. `authT("en")("validation.emailInvalid")`. */
export function authT(locale: AppLocale): AuthTranslator {
  return translators[locale];
}
