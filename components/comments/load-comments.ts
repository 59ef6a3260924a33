/**
 * The first page of an essay's comments for its server-rendered page, through the anonymous
 * server caller: the same for every reader, so the page stays cacheable. A failure here must not
 * take the essay down: the section then loads its comments in the browser.
 */
import "server-only";
import { cache } from "react";
import { getServerCaller } from "@/server/api/server-caller.ts";
import type { CommentsPage } from "@/server/api/routers/comments/schemas.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";

export const loadFirstCommentsPage = cache(async (locale: AppLocale, slug: string): Promise<CommentsPage | null> => {
  try {
    const caller = await getServerCaller(locale);
    return await caller.comments.list({ slug, sort: "top", limit: 20 });
  } catch (error) {
    console.error("[comments] the first page could not be rendered on the server", error);
    return null;
  }
});
