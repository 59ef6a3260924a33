/**
 * Every path no page matches: the localized 404 inside the site's layout, answered with status 404
 * (see components/feedback/not-found-view.tsx). Dynamic so that random URLs are not each cached.
 */
import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { NotFoundView, notFoundMetadata } from "@/components/feedback/not-found-view.tsx";
import { defaultLocale, isLocale } from "@/server/i18n/locales.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

async function localeOf(params: Props["params"]) {
  const { locale } = await params;
  return isLocale(locale) ? locale : defaultLocale;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return notFoundMetadata(await localeOf(params));
}

export default async function UnknownPage({ params }: Props) {
  const locale = await localeOf(params);
  setRequestLocale(locale);
  return <NotFoundView locale={locale} />;
}
