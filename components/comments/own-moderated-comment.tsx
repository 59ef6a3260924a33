"use client";
/**
 * The reader's own comment that others do not see, as its author sees it: the text, marked
 * "等待审核" (held) or "已移除：<reason>" (rejected), with the moderator's note. No shadow bans:
 * the author always knows (docs/moderation.md). No actions: it cannot be replied to or voted on.
 */
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { cx } from "@/components/ui";
import type { CommentView } from "@/server/api/routers/comments/schemas.ts";
import { CommentFrame } from "./comment-frame.tsx";
import { CommentTime } from "./comment-time.tsx";
import { useComments } from "./comments-context.tsx";

const heldReasons = new Set(["premoderation", "watched_word", "links", "recent_record", "community_flags"]);
const rejectionReasons = new Set(["spam", "harassment", "hate", "off_topic", "illegal", "other"]);

export function OwnModeratedComment({
  comment,
  moderation,
  children,
}: {
  comment: CommentView;
  moderation: NonNullable<CommentView["moderation"]>;
  children?: ReactNode;
}) {
  const t = useTranslations("comments.moderation");
  const { locale, labels, highlightId } = useComments();
  const held = moderation.state === "held";
  const reason = moderation.reason;
  const why = held
    ? reason && heldReasons.has(reason) ? t(`heldReasons.${reason}` as "heldReasons.premoderation") : null
    : t("removed", { reason: t(`reasons.${reason && rejectionReasons.has(reason) ? reason : "unknown"}` as "reasons.spam") });

  return (
    <CommentFrame
      // The author sees their words; the frame would draw a tombstone for "removed".
      comment={{ ...comment, status: "visible" }}
      locale={locale}
      labels={labels}
      highlighted={highlightId === comment.id}
      time={<CommentTime date={comment.createdAt} />}
      actions={
        <div
          className={cx("mt-2 rounded-lg border px-3 py-2 text-sm leading-relaxed", held ? "border-line bg-raised text-muted" : "border-danger/40 bg-danger/10 text-fg")}
          data-testid="comment-moderation"
          data-state={moderation.state}
        >
          <p className="font-semibold text-fg">
            {held ? t("held") : why}
            {held && why ? <span className="font-normal text-muted">{t("heldWhy", { why })}</span> : null}
          </p>
          <p className="mt-0.5 text-muted">{held ? t("heldBody") : t("removedBody")}</p>
          {moderation.note ? <p className="mt-1 text-fg">{t("note", { note: moderation.note })}</p> : null}
        </div>
      }
    >
      {children}
    </CommentFrame>
  );
}
