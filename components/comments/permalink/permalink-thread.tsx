"use client";
/**
 * The interactive part of a comment's permalink page (/c/<id>, also where "continue this thread"
 * leads): the comments it answers, root first (a long chain folds its middle behind "N earlier
 * comments"), the comment highlighted with its replies (more load on demand), and a reply composer.
 *
 * Client-only (permalink-slot.tsx swaps it in after the server HTML). Starts from the thread the
 * server rendered (public: no viewer state) and asks again at once for this reader (their votes,
 * what they may edit), as the essay's section does.
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import type { CommentThread, CommentView } from "@/server/api/routers/comments/schemas.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { authorName } from "../comment-frame.tsx";
import { CommentItem } from "../comment-item.tsx";
import { CommentTree } from "../comment-tree.tsx";
import { CommentsProvider, useComments } from "../comments-context.tsx";
import { NewCommentComposer } from "../new-comment-composer.tsx";
import { foldedAncestors } from "./fold-ancestors.ts";

export function PermalinkThread({ thread, essayHref, locale }: { thread: CommentThread; essayHref: string; locale: AppLocale }) {
  return (
    <CommentsProvider slug={thread.essay.slug} locale={locale} highlightId={thread.comment.id} essayHref={essayHref}>
      <ThreadForReader initial={thread} />
    </CommentsProvider>
  );
}

function ThreadForReader({ initial }: { initial: CommentThread }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.comments.thread.queryOptions({ commentId: initial.comment.id }, { initialData: initial, initialDataUpdatedAt: 0 }));
  const thread = data ?? initial;
  return (
    <div data-testid="comment-thread" data-comment-id={thread.comment.id}>
      <Ancestors ancestors={thread.ancestors} />
      <CommentTree comment={{ ...thread.comment, replies: thread.replies.items }} />
      <ReplyComposer comment={thread.comment} />
    </div>
  );
}

function Ancestors({ ancestors }: { ancestors: CommentView[] }) {
  const t = useTranslations("comments.permalink");
  const [unfolded, setUnfolded] = useState(false);
  if (ancestors.length === 0) return null;
  const { shown, folded } = foldedAncestors(ancestors, unfolded);
  return (
    <ol className="mb-3 flex flex-col gap-3" data-testid="comment-ancestors">
      {shown.map((ancestor, index) => (
        <li key={ancestor.id} className="relative">
          <CommentItem comment={ancestor} canReplyHere={false} />
          <span aria-hidden="true" className="absolute top-10 bottom-[-0.75rem] left-[0.9375rem] w-px bg-line sm:top-11 sm:left-[1.0625rem]" />
          {index === 0 && folded > 0 ? (
            <button
              type="button"
              onClick={() => setUnfolded(true)}
              className="relative mt-3 ml-8 inline-flex items-center gap-2 rounded-full border border-line bg-surface px-3 py-1 text-sm font-medium text-accent hover:border-accent/50 hover:bg-accent-soft sm:ml-10"
              data-testid="earlier-comments"
            >
              <span aria-hidden="true">⋯</span>
              {t("earlier", { count: folded })}
            </button>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** A reply to the comment, under its thread (the item's own reply button works too). */
function ReplyComposer({ comment }: { comment: CommentView }) {
  const t = useTranslations("comments");
  const { labels } = useComments();
  if (comment.status !== "visible") return null;
  return (
    <section aria-labelledby="permalink-reply" className="mt-10 border-t border-line pt-6">
      <h2 id="permalink-reply" className="sr-only">
        {t("permalink.replyHeading")}
      </h2>
      <NewCommentComposer
        parentId={comment.id}
        label={t("composer.replyLabel", { name: authorName(comment, labels) })}
        placeholder={t("composer.replyPlaceholder")}
        submitLabel={t("composer.submitReply")}
        signInFragment={`#comment-${comment.id}`}
      />
    </section>
  );
}
