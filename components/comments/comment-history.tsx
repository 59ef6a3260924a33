"use client";
/**
 * The "已编辑 / edited" marker and the edit history it opens: every earlier text with the time it
 * was replaced (comments.history), then the current one. Public, as on Discourse: an edit after
 * the grace period should not quietly change what others replied to.
 */
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button } from "@/components/ui";
import type { CommentView } from "@/server/api/routers/comments/schemas.ts";
import { commentBodyClasses } from "./comment-frame.tsx";
import { ModalDialog } from "./modal-dialog.tsx";

export function EditedMarker({ comment }: { comment: CommentView }) {
  const t = useTranslations("comments");
  const [open, setOpen] = useState(false);
  if (!comment.editedAt || comment.status !== "visible") return null;
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        className="rounded text-xs text-subtle underline decoration-dotted underline-offset-2 hover:text-fg"
        data-testid="comment-edited"
      >
        {t("item.edited")}
      </button>
      <ModalDialog open={open} onClose={() => setOpen(false)} title={t("history.title")} testId="comment-history">
        <HistoryList comment={comment} />
        <div className="mt-5 flex justify-end">
          <Button variant="secondary" size="sm" onClick={() => setOpen(false)}>
            {t("history.close")}
          </Button>
        </div>
      </ModalDialog>
    </>
  );
}

function HistoryList({ comment }: { comment: CommentView }) {
  const t = useTranslations("comments.history");
  const format = useFormatter();
  const trpc = useTRPC();
  const history = useQuery(trpc.comments.history.queryOptions({ commentId: comment.id }));
  const when = (date: Date) => format.dateTime(date, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });

  if (history.isPending) return <p className="mt-4 text-sm text-subtle">{t("loading")}</p>;
  if (history.isError) return <p className="mt-4 text-sm text-danger">{history.error.message || t("failed")}</p>;
  return (
    <ol className="mt-4 flex flex-col gap-4">
      {history.data.revisions.length === 0 ? <li className="text-sm text-subtle">{t("none")}</li> : null}
      {history.data.revisions.map((revision, index) => (
        <li key={index} className="rounded-xl border border-line p-3" data-testid="comment-revision">
          <p className="mb-1.5 text-xs text-subtle">{t("replacedAt", { time: when(revision.replacedAt) })}</p>
          <div className={commentBodyClasses} dangerouslySetInnerHTML={{ __html: revision.bodyHtml }} />
        </li>
      ))}
      <li className="rounded-xl border border-accent/40 bg-accent-soft/40 p-3">
        <p className="mb-1.5 text-xs font-semibold text-accent">{t("current")}</p>
        <div className={commentBodyClasses} dangerouslySetInnerHTML={{ __html: comment.bodyHtml ?? "" }} />
      </li>
    </ol>
  );
}
