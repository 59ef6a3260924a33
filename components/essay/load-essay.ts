/**
 * The essay for a page, through the server-side tRPC caller (anonymous, no request data, so the
 * page stays cacheable). Shared by generateMetadata and the page via cache(): one read per render.
 */
import "server-only";
import { cache } from "react";
import { TRPCError } from "@trpc/server";
import { getServerCaller } from "@/server/api/server-caller.ts";
import type { EssayView } from "@/server/essay/types.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";

export const loadEssay = cache(async (locale: AppLocale, slug: string | null): Promise<EssayView | null> => {
  const caller = await getServerCaller(locale);
  try {
    return await caller.essay.get(slug ? { slug } : undefined);
  } catch (error) {
    // Unknown slug, a slug that isn't one (zod), or no essay seeded yet: a 404, not an error page.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  }
});
