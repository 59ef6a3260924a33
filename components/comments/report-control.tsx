"use client";
/**
 * "举报" under someone else's comment: a small dialog with the reasons (and a few words, required
 * for "other"), sent with comments.report; then "已举报", also after a reload (comments.myReports
 * fills the section state). Signed out, it leads to sign-in and back to the comment.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { failureMessage } from "@/components/feedback/failure-message.ts";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button, CountedTextArea, StatusMessage, cx } from "@/components/ui";
import type { CommentView } from "@/server/api/routers/comments/schemas.ts";
import { commentAnchorId } from "./comment-frame.tsx";
import { useComments } from "./comments-context.tsx";
import { ModalDialog } from "./modal-dialog.tsx";

const reasons = ["spam", "harassment", "hate", "off_topic", "illegal", "other"] as const;
type ReportReason = (typeof reasons)[number];
const textLimit = 500;

export function ReportControl({ comment, className, onReported }: { comment: CommentView; className: string; onReported: (message: string) => void }) {
  const t = useTranslations("comments");
  const { reader, state, signInHref } = useComments();
  const [open, setOpen] = useState(false);

  if (reader === null) {
    return (
      <a href={signInHref(`#${commentAnchorId(comment.id)}`)} className={className} title={t("item.signInToReport")} data-testid="comment-report">
        {t("item.report")}
      </a>
    );
  }
  if (state.reported.has(comment.id)) {
    return (
      <span className={cx(className, "cursor-default hover:bg-transparent hover:text-muted")} data-testid="comment-reported">
        <FlagIcon />
        {t("item.reported")}
      </span>
    );
  }
  return (
    <>
      <button type="button" className={className} aria-haspopup="dialog" disabled={reader === undefined} onClick={() => setOpen(true)} data-testid="comment-report">
        {t("item.report")}
      </button>
      <ModalDialog open={open} onClose={() => setOpen(false)} title={t("report.title")} testId="comment-report-dialog">
        <ReportForm
          commentId={comment.id}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            onReported(t("report.done"));
          }}
        />
      </ModalDialog>
    </>
  );
}

function ReportForm({ commentId, onCancel, onDone }: { commentId: string; onCancel: () => void; onDone: () => void }) {
  const t = useTranslations("comments.report");
  const trpc = useTRPC();
  const { dispatch } = useComments();
  const id = useId();
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const report = useMutation(trpc.comments.report.mutationOptions());

  async function submit() {
    if (reason === null) return setError(t("chooseReason"));
    if (reason === "other" && text.trim() === "") return setError(t("textRequired"));
    setError(null);
    try {
      await report.mutateAsync({ commentId, reason, ...(text.trim() ? { text: text.trim() } : {}) });
      dispatch({ type: "reported", commentIds: [commentId] });
      onDone();
    } catch (failure) {
      setError(failureMessage(failure, t("failed")));
    }
  }

  return (
    <form
      className="mt-2"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p className="text-sm leading-relaxed text-muted">{t("intro")}</p>
      <fieldset className="mt-4">
        <legend className="text-sm font-semibold text-fg">{t("legend")}</legend>
        <div className="mt-2 grid gap-1">
          {reasons.map((value) => (
            <label
              key={value}
              className={cx(
                "flex cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 text-[0.9375rem] transition-colors",
                reason === value ? "border-accent/60 bg-accent-soft/60 text-fg" : "border-line hover:bg-raised",
              )}
            >
              <input
                type="radio"
                name={`${id}-reason`}
                value={value}
                checked={reason === value}
                onChange={() => {
                  setReason(value);
                  setError(null);
                }}
                className="size-4 accent-[var(--tq-accent)]"
              />
              {t(`reasons.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {reason === "other" ? (
        <CountedTextArea
          id={`${id}-text`}
          className="mt-3"
          label={t("text")}
          hint={t("textHint")}
          value={text}
          limit={textLimit}
          required
          autoFocus
          onChange={(event) => setText(event.target.value)}
        />
      ) : null}
      <StatusMessage tone="error" className={error ? "mt-3" : undefined}>
        {error}
      </StatusMessage>
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="ghost" size="sm" onClick={onCancel} disabled={report.isPending}>
          {t("cancel")}
        </Button>
        <Button type="submit" size="sm" pending={report.isPending} data-testid="comment-report-submit">
          {report.isPending ? t("sending") : t("submit")}
        </Button>
      </div>
    </form>
  );
}

function FlagIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className="size-3.5" fill="currentColor">
      <path d="M3 1.5a.75.75 0 0 1 .75.75V3h8.1a.6.6 0 0 1 .5.93L11 6l1.35 2.07a.6.6 0 0 1-.5.93h-8.1v5.25a.75.75 0 0 1-1.5 0V2.25A.75.75 0 0 1 3 1.5Z" />
    </svg>
  );
}
