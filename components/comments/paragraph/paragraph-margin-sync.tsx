"use client";
/**
 * Keeps the essay margin's comment counts (server HTML from the cached page, up to its revalidate
 * interval old) true while the comment section is loaded: one comments.paragraphCounts call when
 * the section loads, then what happens while the page is open — the reader's own paragraph
 * comments, and others' comments, replies, deletions and removals as the live events announce
 * them (margin-counts.ts says how each is counted once) — written into the margin buttons.
 *
 * The events come from the section's one live subscription (ParagraphFilterSwitch hands each to
 * `follow`), so the margin opens no stream of its own.
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import type { CommentEvent, CommentView } from "@/server/api/routers/comments/schemas.ts";
import { emptyMarginTally, marginCounts, tallyCreated, tallyEvent, type MarginTally } from "./margin-counts.ts";
import { marginButtons } from "./paragraph-filter.ts";

export interface ParagraphMarginSync {
  /** A live comment event of the essay. */
  follow(event: CommentEvent): void;
  /** The reader's own new comment, counted as soon as the post succeeds (its event is then not counted again). */
  countOwn(comment: CommentView): void;
}

export function useParagraphMarginSync(slug: string): ParagraphMarginSync {
  const t = useTranslations("comments.paragraph");
  const trpc = useTRPC();
  // Fetched once: the tally below carries every change since, so a refetch would count them twice.
  const server = useQuery({ ...trpc.comments.paragraphCounts.queryOptions({ slug }), staleTime: Infinity });
  const [tally, setTally] = useState<MarginTally>(emptyMarginTally);

  useEffect(() => {
    if (!server.data) return;
    const counts = marginCounts(server.data, tally);
    for (const button of marginButtons()) {
      const count = counts[button.dataset.paragraphComments ?? ""] ?? 0;
      const label = t("marginLabel", { count });
      button.toggleAttribute("data-empty", count === 0);
      button.setAttribute("aria-label", label);
      button.title = label;
      const number = button.querySelector("[data-paragraph-count]");
      if (number) number.textContent = count > 0 ? String(count) : "";
    }
  }, [server.data, tally, t]);

  const follow = useCallback((event: CommentEvent) => setTally((current) => tallyEvent(current, event)), []);
  const countOwn = useCallback((comment: CommentView) => {
    const paragraphKey = comment.paragraph?.key;
    if (paragraphKey) setTally((current) => tallyCreated(current, comment.id, paragraphKey));
  }, []);
  return useMemo(() => ({ follow, countOwn }), [follow, countOwn]);
}

const OwnParagraphComment = createContext<(comment: CommentView) => void>(() => {});

/** Given by ParagraphFilterSwitch to the views below it: where the reader's own paragraph comments are counted. */
export const OwnParagraphCommentProvider = OwnParagraphComment.Provider;

/** Counts the reader's own new comment about a paragraph in the margin (the server's count is a moment behind). */
export function useCountOwnParagraphComment(): (comment: CommentView) => void {
  return useContext(OwnParagraphComment);
}
