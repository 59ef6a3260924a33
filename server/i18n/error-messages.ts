/**
 * Error messages in the reader's language, for the tRPC error formatter and route handlers.
 * Catalogs live in messages/<locale>/errors.json like every other piece of copy.
 */
import { createTranslator } from "next-intl";
import zhErrors from "@/messages/zh/errors.json";
import enErrors from "@/messages/en/errors.json";
import type { AppLocale } from "./locales.ts";

const catalogs = { zh: { errors: zhErrors }, en: { errors: enErrors } } as const;
export type ErrorMessages = typeof zhErrors;

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key of messages/<locale>/errors.json, e.g. "displayName.tooLong". */
export type ErrorKey = Leaves<ErrorMessages>;

const translators = {
  zh: createTranslator({ locale: "zh", messages: catalogs.zh, namespace: "errors" }),
  en: createTranslator({ locale: "en", messages: catalogs.en, namespace: "errors" }),
};

export function isErrorKey(value: string): value is ErrorKey {
  let node: unknown = zhErrors;
  for (const part of value.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

export function errorMessage(locale: AppLocale, key: ErrorKey, params?: Record<string, string | number>): string {
  return translators[locale](key, params);
}
