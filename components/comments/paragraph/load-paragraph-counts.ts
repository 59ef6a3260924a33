/**
 * Each paragraph's comment count for the essay's margin, rendered into the cached essay page
 * through the anonymous server caller (no client request on load). The comment section corrects
 * them when it loads (ParagraphMarginSync). A failure here must not take the essay down: the
 * margin then shows no counts.
 */
import "server-only";
import { cache } from "react";
import { getServerCaller } from "@/server/api/server-caller.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";

export const loadParagraphCounts = cache(async (locale: AppLocale, slug: string): Promise<Record<string, number>> => {
  try {
    const caller = await getServerCaller(locale);
    return await caller.comments.paragraphCounts({ slug });
  } catch (error) {
    console.error("[comments] the paragraph counts could not be rendered on the server", error);
    return {};
  }
});
