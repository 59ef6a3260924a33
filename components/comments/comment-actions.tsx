"use client";
/**
 * The row under a comment: upvote (optimistic, aria-pressed), reply, edit and delete where the
 * reader may, and copy the permalink. Signed out, upvote and reply lead to sign-in and back here.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState, type ReactNode } from "react";
import { failureMessage } from "@/components/feedback/failure-message.ts";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button, cx } from "@/components/ui";
import type { CommentView } from "@/server/api/routers/comments/schemas.ts";
import { commentAnchorId, UpvoteIcon } from "./comment-frame.tsx";
import { useComments, viewerOf } from "./comments-context.tsx";
import { ModalDialog } from "./modal-dialog.tsx";
import { ReportControl } from "./report-control.tsx";

const actionClasses =
  "inline-flex h-8 items-center gap-1.5 rounded-full px-2.5 text-[0.8125rem] text-muted transition-colors hover:bg-raised hover:text-fg disabled:opacity-55";

export function CommentActions({
  comment,
  replying,
  onReply,
  onEdit,
}: {
  comment: CommentView;
  replying: boolean;
  /** Absent where replies cannot be written (a tombstone). */
  onReply?: () => void;
  onEdit: () => void;
}) {
  const t = useTranslations("comments.item");
  const { reader, signInHref } = useComments();
  const viewer = viewerOf(comment, reader);
  const [notice, setNotice] = useState<string | null>(null);
  const visible = comment.status === "visible";
  const back = `#${commentAnchorId(comment.id)}`;

  return (
    <div className="mt-1 -ml-2.5 flex flex-wrap items-center gap-x-0.5" data-testid="comment-actions">
      {visible ? <UpvoteButton comment={comment} onError={setNotice} /> : null}
      {onReply ? (
        reader === null ? (
          <a href={signInHref(back)} className={actionClasses}>
            {t("reply")}
          </a>
        ) : (
          <button type="button" className={cx(actionClasses, replying && "text-fg")} aria-expanded={replying} onClick={onReply} disabled={reader === undefined}>
            {t("reply")}
          </button>
        )
      ) : null}
      {viewer?.canEdit && visible ? (
        <button type="button" className={actionClasses} onClick={onEdit}>
          {t("edit")}
        </button>
      ) : null}
      {viewer?.canDelete && visible ? <DeleteButton comment={comment} onError={setNotice} /> : null}
      {visible ? <CopyLinkButton commentId={comment.id} onDone={setNotice} /> : null}
      {visible && comment.author && comment.author.id !== reader?.id ? <ReportControl comment={comment} className={actionClasses} onReported={setNotice} /> : null}
      <span role="status" className={notice ? "ml-1 text-xs text-muted" : "sr-only"}>
        {notice}
      </span>
    </div>
  );
}

function UpvoteButton({ comment, onError }: { comment: CommentView; onError: (message: string) => void }) {
  const t = useTranslations("comments.item");
  const trpc = useTRPC();
  const { reader, dispatch, signInHref } = useComments();
  const viewer = viewerOf(comment, reader);
  // The reader's wish, shown at once; the server's answer replaces it (the latest request wins).
  const [optimistic, setOptimistic] = useState<{ upvoted: boolean; score: number } | null>(null);
  const latest = useRef(0);
  const vote = useMutation(trpc.comments.vote.mutationOptions());

  const upvoted = optimistic?.upvoted ?? viewer?.upvoted ?? false;
  const score = optimistic?.score ?? comment.score;
  const content: ReactNode = (
    <>
      <UpvoteIcon filled={upvoted} />
      <span className="tabular-nums" data-testid="comment-score">
        {score}
      </span>
    </>
  );

  if (reader === null) {
    return (
      <a href={signInHref(`#comment-${comment.id}`)} className={actionClasses} aria-label={t("upvoteCount", { count: score })} title={t("signInToVote")}>
        {content}
      </a>
    );
  }

  async function toggle() {
    if (!viewer) return;
    const wanted = !upvoted;
    const request = ++latest.current;
    setOptimistic({ upvoted: wanted, score: score + (wanted ? 1 : -1) });
    try {
      const result = await vote.mutateAsync({ commentId: comment.id, upvoted: wanted });
      if (request !== latest.current) return;
      dispatch({ type: "voted", commentId: comment.id, score: result.score, viewer: { ...viewer, upvoted: result.upvoted } });
    } catch (error) {
      if (request === latest.current) onError(failureMessage(error, t("failed")));
    } finally {
      if (request === latest.current) setOptimistic(null);
    }
  }

  return (
    <button
      type="button"
      aria-pressed={upvoted}
      aria-label={t("upvoteCount", { count: score })}
      disabled={reader === undefined}
      onClick={() => void toggle()}
      className={cx(actionClasses, upvoted && "bg-accent-soft text-accent hover:bg-accent-soft hover:text-accent")}
      data-testid="comment-upvote"
    >
      {content}
    </button>
  );
}

function DeleteButton({ comment, onError }: { comment: CommentView; onError: (message: string) => void }) {
  const t = useTranslations("comments");
  const trpc = useTRPC();
  const { dispatch } = useComments();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.comments.delete.mutationOptions({
      onSuccess: (result) => {
        setOpen(false);
        dispatch({ type: "own-deleted", commentId: result.commentId, outcome: result.outcome });
      },
      onError: (error) => {
        setOpen(false);
        onError(failureMessage(error, t("item.failed")));
      },
    }),
  );
  return (
    <>
      <button type="button" className={cx(actionClasses, "hover:text-danger")} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t("item.delete")}
      </button>
      <ModalDialog open={open} onClose={() => setOpen(false)} title={t("delete.title")} testId="comment-delete-dialog">
        <p className="mt-2 text-[0.9375rem] leading-relaxed text-muted">{comment.replyCount > 0 ? t("delete.bodyWithReplies") : t("delete.body")}</p>
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="ghost" size="sm" onClick={() => setOpen(false)} disabled={remove.isPending} autoFocus>
            {t("delete.cancel")}
          </Button>
          <Button variant="danger" size="sm" pending={remove.isPending} onClick={() => remove.mutate({ commentId: comment.id })} data-testid="comment-delete-confirm">
            {remove.isPending ? t("delete.deleting") : t("delete.confirm")}
          </Button>
        </div>
      </ModalDialog>
    </>
  );
}

function CopyLinkButton({ commentId, onDone }: { commentId: string; onDone: (message: string) => void }) {
  const t = useTranslations("comments.item");
  return (
    <button
      type="button"
      className={actionClasses}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(new URL(`/c/${commentId}`, window.location.origin).toString());
          onDone(t("copied"));
        } catch {
          onDone(t("copyFailed"));
        }
      }}
    >
      {t("copyLink")}
    </button>
  );
}
