/**
 * "/": the default essay. Rendered on the first request and then served from the cache (see the
 * [locale] layout); revalidated in the background so a re-seeded essay and new comments show up.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { EssayArticle } from "@/components/essay/essay-article.tsx";
import { essayMetadata } from "@/components/essay/essay-metadata.ts";
import { loadEssay } from "@/components/essay/load-essay.ts";
import { isLocale } from "@/server/i18n/locales.ts";

// 30 s, not 300: the page carries the first page of comments (server-rendered, public), and a
// reader arriving should see recent ones in the HTML. The section refetches in the browser
// anyway, so this bounds only how stale the first paint can be; a re-render costs one query.
export const revalidate = 30;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const essay = await loadEssay(locale, null);
  if (!essay) return {};
  const t = await getTranslations({ locale, namespace: "common" });
  return essayMetadata(essay, locale, "/", t("siteName"));
}

export default async function HomePage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const essay = await loadEssay(locale, null);
  if (!essay) notFound();
  return <EssayArticle essay={essay} locale={locale} />;
}
