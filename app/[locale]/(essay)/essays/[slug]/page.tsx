/**
 * "/essays/<slug>": one essay by its slug, the same page as "/". Rendered per request: caching it
 * would let any made-up slug add an entry to the page cache ("/" is the cached, fast path).
 */
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NotFoundView, notFoundMetadata } from "@/components/feedback/not-found-view.tsx";
import { EssayArticle } from "@/components/essay/essay-article.tsx";
import { essayMetadata } from "@/components/essay/essay-metadata.ts";
import { loadEssay } from "@/components/essay/load-essay.ts";
import { isLocale } from "@/server/i18n/locales.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return {};
  const essay = await loadEssay(locale, decodeURIComponent(slug));
  if (!essay) return notFoundMetadata(locale);
  const t = await getTranslations({ locale, namespace: "common" });
  return essayMetadata(essay, locale, `/essays/${encodeURIComponent(essay.slug)}`, t("siteName"));
}

export default async function EssayBySlugPage({ params }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return <NotFoundView />;
  setRequestLocale(locale);
  const essay = await loadEssay(locale, decodeURIComponent(slug));
  if (!essay) return <NotFoundView locale={locale} />;
  return <EssayArticle essay={essay} locale={locale} />;
}
