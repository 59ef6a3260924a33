/**
 * The look of one comment, without behaviour: avatar, name and badges, time, the paragraph it is
 * about, the body, and slots for the actions and the replies. Server-safe (no hooks), so the
 * server-rendered first page (comments-static.tsx) and the interactive item (comment-item.tsx)
 * draw exactly the same comment and nothing moves when the interactive list takes over.
 */
import type { ReactNode } from "react";
import { cx } from "@/components/ui";
import type { CommentView } from "@/server/api/routers/comments/schemas.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { shortUserId } from "./avatar.ts";
import { CommentAvatar } from "./comment-avatar.tsx";

export interface CommentFrameLabels {
  /** "读者 {id}" with {id} in place, for a reader without a display name. */
  anonymous: (shortId: string) => string;
  /** The avatar's initial for a reader without a display name. */
  anonymousInitial: string;
  moderator: string;
  deleted: string;
  /** A tombstone whose author deleted their account. */
  deletedUser: string;
  removed: string;
  aboutParagraph: string;
  /** Where a paragraph comment's quote links to; "#p-<key>" (this page) when absent. */
  paragraphHref?: (paragraphKey: string) => string;
}

/** A translator of the "comments.item" messages (next-intl's, on the server or in the browser). */
export type CommentItemTranslator = (key: "anonymous" | "moderator" | "deleted" | "deletedUser" | "removed" | "aboutParagraph", values?: { id: string }) => string;

/** The frame's labels from the "comments.item" messages; quotes link into `essayHref` when given. */
export function commentFrameLabels(t: CommentItemTranslator, essayHref?: string): CommentFrameLabels {
  return {
    anonymous: (id) => t("anonymous", { id }),
    anonymousInitial: t("anonymous", { id: "" }).trim().slice(0, 1).toUpperCase(),
    moderator: t("moderator"),
    deleted: t("deleted"),
    deletedUser: t("deletedUser"),
    removed: t("removed"),
    aboutParagraph: t("aboutParagraph"),
    ...(essayHref ? { paragraphHref: (key: string) => `${essayHref}#p-${key}` } : {}),
  };
}

/** The anchor of a comment on the essay page (#comment-<id>). */
export function commentAnchorId(commentId: string): string {
  return `comment-${commentId}`;
}

export function authorName(comment: Pick<CommentView, "author">, labels: Pick<CommentFrameLabels, "anonymous">): string {
  if (!comment.author) return "";
  return comment.author.name ?? labels.anonymous(shortUserId(comment.author.id));
}

/**
 * Rendered Markdown from the server (already sanitized there): spacing and marks that match the
 * essay's calm type, at a comment's smaller size.
 */
export const commentBodyClasses = cx(
  "text-[0.9375rem] leading-[1.75] text-fg [overflow-wrap:anywhere] sm:text-base",
  "[&>*+*]:mt-2.5 [&_a]:text-accent [&_a]:underline [&_a]:decoration-accent/40 [&_a]:underline-offset-2 hover:[&_a]:decoration-accent",
  "[&_blockquote]:border-l-2 [&_blockquote]:border-line [&_blockquote]:pl-3 [&_blockquote]:text-muted",
  "[&_ul]:list-disc [&_ol]:list-decimal [&_ul]:pl-5 [&_ol]:pl-5 [&_li+li]:mt-1",
  "[&_code]:rounded [&_code]:bg-raised [&_code]:px-1 [&_code]:py-px [&_code]:font-mono [&_code]:text-[0.875em]",
  "[&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-raised [&_pre]:p-3 [&_pre]:text-sm [&_pre]:leading-relaxed [&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&_del]:text-muted [&_strong]:font-semibold",
);

export function CommentFrame({
  comment,
  locale,
  labels,
  time,
  edited,
  actions,
  highlighted = false,
  children,
}: {
  comment: CommentView;
  locale: AppLocale;
  labels: CommentFrameLabels;
  /** The <time> element (relative on the client, absolute on the server). */
  time: ReactNode;
  /** The "edited" marker (a button that opens the history on the client). */
  edited?: ReactNode;
  actions?: ReactNode;
  highlighted?: boolean;
  /** Replies, the reply composer … */
  children?: ReactNode;
}) {
  const tombstone = comment.status !== "visible" || comment.author === null;
  const name = authorName(comment, labels);
  const tombstoneLabel = comment.status === "removed" ? labels.removed : comment.accountDeleted ? labels.deletedUser : labels.deleted;
  return (
    <article
      id={commentAnchorId(comment.id)}
      data-testid="comment"
      data-comment-id={comment.id}
      data-status={comment.status}
      aria-label={tombstone ? tombstoneLabel : name}
      className="scroll-mt-24"
    >
      <div
        className={cx(
          "flex gap-3 rounded-xl transition-colors duration-700",
          highlighted && "-mx-2 bg-accent-soft/70 px-2 py-2 ring-1 ring-accent/30 sm:-mx-3 sm:px-3",
        )}
      >
        <CommentAvatar userId={comment.author?.id ?? null} name={comment.author?.name ?? null} fallbackInitial={labels.anonymousInitial} />
        <div className="min-w-0 flex-1">
          <header className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm leading-6">
            {tombstone ? null : (
              <>
                {/* One line, cut with an ellipsis: a 32-character name would otherwise wrap on a phone
                    and leave the "·" and the time dangling on a line of their own. The full name
                    stays in the tooltip and in the article's accessible name. */}
                <span className="max-w-[12em] truncate font-semibold text-fg sm:max-w-[20em]" title={name} data-testid="comment-author">
                  {name}
                </span>
                {comment.author?.isModerator ? (
                  <span className="rounded-full bg-accent px-1.5 py-px text-[0.6875rem] leading-4 font-semibold text-accent-fg">{labels.moderator}</span>
                ) : null}
                {comment.author?.pollBadge ? (
                  <span className="rounded-full border border-line bg-raised px-1.5 py-px text-[0.6875rem] leading-4 text-muted" data-testid="poll-badge">
                    {comment.author.pollBadge.label[locale]}
                  </span>
                ) : null}
                <span aria-hidden="true" className="text-subtle">
                  ·
                </span>
              </>
            )}
            <span className="text-subtle">{time}</span>
            {edited}
          </header>

          {comment.paragraph && !tombstone ? (
            <a
              href={labels.paragraphHref?.(comment.paragraph.key) ?? `#p-${comment.paragraph.key}`}
              className="mt-1.5 block rounded-md border-l-2 border-accent/50 bg-raised/60 py-1 pr-2 pl-3 text-sm leading-relaxed text-muted hover:text-fg"
              data-testid="comment-paragraph"
            >
              <span className="mr-1.5 text-xs font-semibold text-accent">{labels.aboutParagraph}</span>
              <span lang="zh-CN" className="line-clamp-2">
                {comment.paragraph.quote}
              </span>
            </a>
          ) : null}

          {tombstone ? (
            <p className="mt-0.5 text-[0.9375rem] text-subtle italic" data-testid="comment-body">
              {tombstoneLabel}
            </p>
          ) : (
            // Sanitized by the server's Markdown renderer (server/comments/markdown): the only HTML we inject.
            <div className={cx("mt-1", commentBodyClasses)} data-testid="comment-body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml ?? "" }} />
          )}
          {actions}
        </div>
      </div>
      {children}
    </article>
  );
}

/** The upvote arrow, filled when the reader has upvoted (shared by the static and the interactive list). */
export function UpvoteIcon({ filled = false }: { filled?: boolean }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className="size-3.5" fill={filled ? "currentColor" : "none"} stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round">
      <path d="M8 2.5 13.5 9H10v4.5H6V9H2.5z" />
    </svg>
  );
}
