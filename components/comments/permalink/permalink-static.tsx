/**
 * A comment in context as server HTML, for the first paint of its permalink page (and for readers
 * without JavaScript): the same frames and folding as the interactive thread that replaces it
 * (permalink-thread.tsx), with absolute dates (relative ones would differ between the server's
 * render and the browser's: a hydration mismatch) and no actions.
 */
import { getFormatter, getTranslations } from "next-intl/server";
import type { CommentThread, CommentView } from "@/server/api/routers/comments/schemas.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { CommentFrame, UpvoteIcon, type CommentFrameLabels } from "../comment-frame.tsx";
import { foldedAncestors } from "./fold-ancestors.ts";

export async function PermalinkStatic({ thread, essayHref, locale }: { thread: CommentThread; essayHref: string; locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "comments" });
  const format = await getFormatter({ locale });
  const labels: CommentFrameLabels = {
    anonymous: (id) => t("item.anonymous", { id }),
    anonymousInitial: t("item.anonymous", { id: "" }).trim().slice(0, 1).toUpperCase(),
    moderator: t("item.moderator"),
    deleted: t("item.deleted"),
    removed: t("item.removed"),
    aboutParagraph: t("item.aboutParagraph"),
    paragraphHref: (key) => `${essayHref}#p-${key}`,
  };
  const frame = (comment: CommentView, replies: CommentView[] = [], highlighted = false) => (
    <CommentFrame
      comment={comment}
      locale={locale}
      labels={labels}
      highlighted={highlighted}
      time={
        <time dateTime={comment.createdAt.toISOString()}>
          {format.dateTime(comment.createdAt, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })}
        </time>
      }
      edited={comment.editedAt && comment.status === "visible" ? <span className="text-xs text-subtle">{t("item.edited")}</span> : null}
      actions={
        comment.status === "visible" ? (
          <p className="mt-1 flex h-8 items-center gap-1.5 text-[0.8125rem] text-muted">
            <UpvoteIcon />
            <span className="tabular-nums">{comment.score}</span>
          </p>
        ) : null
      }
    >
      {replies.length > 0 ? (
        <ol className="mt-2 flex flex-col gap-4 border-l border-line pt-2 pl-5 sm:ml-[1.0625rem] sm:pl-6">
          {replies.map((reply) => (
            <li key={reply.id}>{frame(reply)}</li>
          ))}
        </ol>
      ) : null}
    </CommentFrame>
  );
  const { shown, folded } = foldedAncestors(thread.ancestors, false);

  return (
    <div data-testid="comment-thread-static" data-comment-id={thread.comment.id}>
      {shown.length > 0 ? (
        <ol className="mb-3 flex flex-col gap-3">
          {shown.map((ancestor, index) => (
            <li key={ancestor.id} className="relative">
              {frame(ancestor)}
              <span aria-hidden="true" className="absolute top-10 bottom-[-0.75rem] left-[0.9375rem] w-px bg-line sm:top-11 sm:left-[1.0625rem]" />
              {index === 0 && folded > 0 ? (
                <p className="relative mt-3 ml-8 inline-flex items-center gap-2 rounded-full border border-line bg-surface px-3 py-1 text-sm font-medium text-muted sm:ml-10">
                  <span aria-hidden="true">⋯</span>
                  {t("permalink.earlier", { count: folded })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {frame(thread.comment, thread.replies.items, true)}
    </div>
  );
}
