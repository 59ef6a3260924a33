"use client";
/**
 * The comment section filtered to one paragraph (?paragraph=<key>): a chip that says so and
 * clears it, the paragraph quoted with a way back to it, a composer "about this paragraph"
 * (comments.create with paragraphKey), and the threads about it (comments.list with paragraphKey),
 * 20 at a time. Takes the place of the whole section while the filter is on (comments-island.tsx).
 * Live like the whole section: others' new comments about this paragraph (and only those) wait
 * behind the same "N new comments" button; replies and edits reach its threads in place.
 */
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { CommentList } from "../comment-list.tsx";
import { useComments } from "../comments-context.tsx";
import { isAbout, pendingFor } from "../comments-state.ts";
import { NewCommentComposer } from "../new-comment-composer.tsx";
import { NewCommentsButton } from "../new-comments-button.tsx";
import { useCountOwnParagraphComment } from "./paragraph-margin-sync.tsx";
import { paragraphTextOnPage } from "./paragraph-quote.ts";

const pageSize = 20;

export function ParagraphDiscussion({ paragraphKey, onShowAll }: { paragraphKey: string; onShowAll: () => void }) {
  const t = useTranslations("comments");
  const trpc = useTRPC();
  const { slug, state } = useComments();
  const countOwn = useCountOwnParagraphComment();
  const top = useRef<HTMLDivElement>(null);
  const listTop = useRef<HTMLDivElement>(null);
  const [quote] = useState(() => paragraphTextOnPage(paragraphKey));

  const list = useInfiniteQuery(
    trpc.comments.list.infiniteQueryOptions({ slug, sort: "top", paragraphKey, limit: pageSize }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );

  useEffect(() => {
    top.current?.scrollIntoView({ block: "start" });
  }, [paragraphKey]);

  // New comments about this paragraph shown above the list (newest first): the reader's own, and revealed ones.
  const added = state.topAdded.filter((comment) => isAbout(comment, paragraphKey));
  const addedIds = new Set(added.map((comment) => comment.id));
  const fetched = list.data?.pages.flatMap((page) => page.items) ?? [];
  const fetchedIds = new Set(fetched.map((item) => item.id));
  const items = fetched.filter((item) => !addedIds.has(item.id));
  const pending = pendingFor(state, paragraphKey, fetchedIds).length;
  const fetchedTotal = list.data?.pages[0]?.totalCount;
  // Counted once: a comment the fresh page already holds is in its total.
  const newSinceFetch = added.filter((comment) => !fetchedIds.has(comment.id)).length + pending;
  const shownQuote = quote ?? items[0]?.paragraph?.quote ?? null;

  return (
    <div ref={top} className="scroll-mt-20" data-testid="paragraph-discussion" data-paragraph-key={paragraphKey}>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-3">
        <h2 id="comments-title" className="text-xl font-bold tracking-tight text-fg" data-testid="comments-heading">
          {t("paragraph.heading", { count: fetchedTotal === undefined ? 0 : fetchedTotal + newSinceFetch })}
        </h2>
        <p className="inline-flex items-center gap-1 rounded-full border border-accent/40 bg-accent-soft py-1 pr-1 pl-3 text-sm text-fg" data-testid="paragraph-filter-chip">
          <span>{t("paragraph.filterChip")}</span>
          <span aria-hidden="true" className="text-subtle">
            ·
          </span>
          <button
            type="button"
            onClick={onShowAll}
            aria-label={t("paragraph.showAllLabel")}
            className="rounded-full px-2 py-0.5 font-medium text-accent hover:bg-surface hover:underline"
            data-testid="paragraph-filter-clear"
          >
            {t("paragraph.showAll")}
          </button>
        </p>
      </div>

      {shownQuote ? (
        <figure className="mt-5 rounded-xl border-l-2 border-accent/60 bg-raised/60 py-3 pr-4 pl-4" data-testid="paragraph-quote">
          <figcaption className="mb-1 text-xs font-semibold text-accent">{t("paragraph.quoteLabel")}</figcaption>
          <blockquote lang="zh-CN" className="line-clamp-4 text-[0.9375rem] leading-relaxed text-muted">
            {shownQuote}
          </blockquote>
          <a href={`#p-${paragraphKey}`} className="mt-2 inline-flex text-sm font-medium text-accent hover:underline" data-testid="paragraph-back">
            ↑ {t("paragraph.backToParagraph")}
          </a>
        </figure>
      ) : null}

      <div className="mt-5">
        <NewCommentComposer
          key={paragraphKey}
          paragraphKey={paragraphKey}
          label={t("paragraph.composerLabel")}
          placeholder={t("paragraph.placeholder")}
          autoFocus
          onPosted={countOwn}
        />
      </div>

      <div ref={listTop} className="relative mt-8 scroll-mt-24">
        <NewCommentsButton count={pending} paragraphKey={paragraphKey} listTop={listTop} />
        <CommentList list={list} comments={[...added, ...items]} empty={t("paragraph.empty")} />
      </div>
    </div>
  );
}
