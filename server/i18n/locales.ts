/** The interface languages. The essay itself is always Chinese. */
export const locales = ["zh", "en"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "zh";
/** The cookie that remembers the reader's interface language (next-intl's default name). */
export const localeCookie = "NEXT_LOCALE";

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** BCP 47 tags for the `lang` attribute. */
export const htmlLang: Record<AppLocale, string> = { zh: "zh-CN", en: "en" };

export function localeFromCookieHeader(cookieHeader: string | null | undefined): AppLocale {
  const match = /(?:^|;\s*)NEXT_LOCALE=([^;]+)/.exec(cookieHeader ?? "");
  const value = match?.[1];
  return isLocale(value) ? value : defaultLocale;
}
