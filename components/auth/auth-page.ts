/** What the sign-in pages (/signin, /signin/check-email, /signin/error) share: props and metadata. */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/server/i18n/locales.ts";

export type AuthPageProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

type TitleKey = "signIn.metaTitle" | "checkEmail.metaTitle" | "error.metaTitle";

/** generateMetadata for a sign-in page: its title, and never indexed (the pages are per reader). */
export function authPageMetadata(titleKey: TitleKey) {
  return async function generateMetadata({ params }: AuthPageProps): Promise<Metadata> {
    const { locale } = await params;
    if (!isLocale(locale)) return {};
    const t = await getTranslations({ locale, namespace: "auth" });
    return { title: t(titleKey), robots: { index: false, follow: false } };
  };
}
