"use client";
/**
 * One comment, interactive: the frame (comment-frame.tsx) with relative time, the "edited"
 * marker, the actions, an inline reply composer and an inline editor. Reads the comment through
 * the section's state, so live edits, scores and deletions show in place. Returns nothing once
 * the comment is gone (deleted without replies).
 *
 * Reusable outside the section (the permalink page, paragraph discussion) inside a
 * <CommentsProvider>; `children` are its replies.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import type { CommentView } from "@/server/api/routers/comments/schemas.ts";
import { CommentActions } from "./comment-actions.tsx";
import { CommentComposer } from "./comment-composer.tsx";
import { authorName, CommentFrame } from "./comment-frame.tsx";
import { EditedMarker } from "./comment-history.tsx";
import { CommentTime } from "./comment-time.tsx";
import { commentAsShown } from "./comments-state.ts";
import { useComments } from "./comments-context.tsx";
import { NewCommentComposer } from "./new-comment-composer.tsx";
import { OwnModeratedComment } from "./own-moderated-comment.tsx";

export interface CommentItemProps {
  comment: CommentView;
  /** Whether a reply to it can be shown under it here (false past the deepest indented level). */
  canReplyHere?: boolean;
  children?: ReactNode;
}

export function CommentItem({ comment: fetched, canReplyHere = true, children }: CommentItemProps) {
  const { state } = useComments();
  const comment = commentAsShown(state, fetched);
  if (!comment) return null;
  if (comment.moderation) return <OwnModeratedComment comment={comment} moderation={comment.moderation}>{children}</OwnModeratedComment>;
  return (
    <ShownComment comment={comment} canReplyHere={canReplyHere}>
      {children}
    </ShownComment>
  );
}

function ShownComment({ comment, canReplyHere, children }: { comment: CommentView; canReplyHere: boolean; children?: ReactNode }) {
  const t = useTranslations("comments");
  const { locale, labels, highlightId } = useComments();
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState(false);
  const visible = comment.status === "visible";

  return (
    <CommentFrame
      comment={comment}
      locale={locale}
      labels={labels}
      highlighted={highlightId === comment.id}
      time={<CommentTime date={comment.createdAt} />}
      edited={<EditedMarker comment={comment} />}
      actions={
        <>
          {editing ? <CommentEditor comment={comment} onDone={() => setEditing(false)} /> : null}
          {editing ? null : (
            <CommentActions
              comment={comment}
              replying={replying}
              onReply={visible ? () => setReplying((open) => !open) : undefined}
              onEdit={() => {
                setReplying(false);
                setEditing(true);
              }}
            />
          )}
          {replying && visible ? (
            <div className="mt-2">
              <NewCommentComposer
                parentId={comment.id}
                label={t("composer.replyLabel", { name: authorName(comment, labels) })}
                placeholder={t("composer.replyPlaceholder")}
                submitLabel={t("composer.submitReply")}
                autoFocus
                onCancel={() => setReplying(false)}
                onPosted={(reply) => {
                  setReplying(false);
                  // Past the deepest level the reply is not drawn here: show it on its own page.
                  if (!canReplyHere) window.location.assign(`/c/${reply.id}`);
                }}
              />
            </div>
          ) : null}
        </>
      }
    >
      {children}
    </CommentFrame>
  );
}

/** The inline editor: the comment's Markdown source (comments.source), saved with comments.edit. */
function CommentEditor({ comment, onDone }: { comment: CommentView; onDone: () => void }) {
  const t = useTranslations("comments.composer");
  const trpc = useTRPC();
  const { slug, dispatch } = useComments();
  const source = useQuery({ ...trpc.comments.source.queryOptions({ commentId: comment.id }), staleTime: 0, gcTime: 0 });
  const edit = useMutation(trpc.comments.edit.mutationOptions());

  if (source.isPending) return <p className="mt-2 text-sm text-subtle">{t("previewLoading")}</p>;
  if (source.isError) return <p className="mt-2 text-sm text-danger">{source.error.message}</p>;
  return (
    <div className="mt-2">
      <CommentComposer
        place={{ slug, editingId: comment.id }}
        label={t("editLabel")}
        submitLabel={t("save")}
        pendingLabel={t("saving")}
        initialText={source.data.body}
        autoFocus
        testId="comment-editor"
        onCancel={onDone}
        onSubmit={async (body) => {
          const edited = await edit.mutateAsync({ commentId: comment.id, body });
          dispatch({ type: "own-edited", comment: edited });
          onDone();
        }}
      />
    </div>
  );
}
