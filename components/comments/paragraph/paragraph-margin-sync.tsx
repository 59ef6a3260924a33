"use client";
/**
 * Keeps the essay margin's comment counts (server HTML from the cached page, up to its revalidate
 * interval old) true while the comment section is loaded: one comments.paragraphCounts call when
 * the section loads, and +1 on the reader's own paragraph comment (bumpParagraphCount), written
 * into the margin buttons. Renders nothing.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { marginButtons } from "./paragraph-filter.ts";

export function ParagraphMarginSync({ slug }: { slug: string }) {
  const t = useTranslations("comments.paragraph");
  const trpc = useTRPC();
  const counts = useQuery({ ...trpc.comments.paragraphCounts.queryOptions({ slug }), staleTime: Infinity });

  useEffect(() => {
    if (!counts.data) return;
    for (const button of marginButtons()) {
      const count = counts.data[button.dataset.paragraphComments ?? ""] ?? 0;
      const label = t("marginLabel", { count });
      button.toggleAttribute("data-empty", count === 0);
      button.setAttribute("aria-label", label);
      button.title = label;
      const number = button.querySelector("[data-paragraph-count]");
      if (number) number.textContent = count > 0 ? String(count) : "";
    }
  }, [counts.data, t]);
  return null;
}

/** Counts the reader's own new comment about a paragraph (the server's count is a moment behind). */
export function useBumpParagraphCount(slug: string): (paragraphKey: string) => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (paragraphKey: string) => {
      queryClient.setQueryData(trpc.comments.paragraphCounts.queryKey({ slug }), (counts) =>
        counts ? { ...counts, [paragraphKey]: (counts[paragraphKey] ?? 0) + 1 } : counts,
      );
    },
    [queryClient, trpc, slug],
  );
}
