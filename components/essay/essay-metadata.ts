/**
 * The essay page's <head>: title, description from the essay's opening, Open Graph (article),
 * canonical URL and hreflang alternates. Both languages share one URL (the cookie picks the
 * interface; the essay is the same), so the alternates all point at it.
 */
import "server-only";
import type { Metadata } from "next";
import type { EssayView } from "@/server/essay/types.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";

const descriptionLength = 120;
/** Open Graph wants language_TERRITORY. */
const ogLocale: Record<AppLocale, string> = { zh: "zh_CN", en: "en_US" };

export function essayDescription(essay: EssayView): string {
  const firstParagraph = essay.blocks.find((block) => block.type === "paragraph");
  const text = (firstParagraph?.text ?? essay.title).replace(/\s+/g, " ").trim();
  const chars = [...text];
  return chars.length > descriptionLength ? `${chars.slice(0, descriptionLength - 1).join("")}…` : text;
}

export function essayMetadata(essay: EssayView, locale: AppLocale, path: string, siteName: string): Metadata {
  const description = essayDescription(essay);
  return {
    title: essay.title,
    description,
    authors: [{ name: essay.author }],
    alternates: {
      canonical: path,
      languages: { "zh-CN": path, en: path, "x-default": path },
    },
    openGraph: {
      type: "article",
      title: essay.title,
      description,
      url: path,
      siteName,
      locale: ogLocale[locale],
      alternateLocale: [ogLocale[locale === "zh" ? "en" : "zh"]],
      publishedTime: essay.publishedAt.toISOString(),
      modifiedTime: essay.updatedAt.toISOString(),
      authors: [essay.author],
      images: [{ url: "/og.png", width: 1200, height: 630, alt: essay.title }],
    },
    twitter: { card: "summary_large_image", title: essay.title, description, images: ["/og.png"] },
  };
}
