"use client";
/**
 * The composer wired to comments.create: a top-level comment (optionally about a paragraph) or a
 * reply. The reader's own comment shows at once (the section state), before its live event.
 * Signed out, the composer still takes a draft and offers sign-in in place of "post".
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc.ts";
import type { CommentView } from "@/server/api/routers/comments/schemas.ts";
import { CommentComposer } from "./comment-composer.tsx";
import { useComments } from "./comments-context.tsx";

export interface NewCommentComposerProps {
  /** A reply to this comment; absent for a top-level comment. */
  parentId?: string;
  /** A top-level comment about this paragraph. */
  paragraphKey?: string;
  label: string;
  placeholder?: string;
  submitLabel?: string;
  autoFocus?: boolean;
  onCancel?: () => void;
  onPosted?: (comment: CommentView) => void;
  /** Where sign-in returns to (a fragment of this page); "#comments" by default. */
  signInFragment?: string;
}

export function NewCommentComposer({ parentId, paragraphKey, label, placeholder, submitLabel, autoFocus, onCancel, onPosted, signInFragment = "#comments" }: NewCommentComposerProps) {
  const t = useTranslations("comments");
  const trpc = useTRPC();
  const { slug, reader, dispatch, signInHref } = useComments();
  const create = useMutation(trpc.comments.create.mutationOptions());

  return (
    <CommentComposer
      place={{ slug, parentId: parentId ?? null, paragraphKey: paragraphKey ?? null }}
      label={label}
      placeholder={placeholder ?? t("composer.placeholder")}
      submitLabel={reader === null ? t("signIn") : (submitLabel ?? t("composer.submit"))}
      pendingLabel={t("composer.submitting")}
      signInHref={reader === null ? signInHref(signInFragment) : null}
      autoFocus={autoFocus}
      onCancel={onCancel}
      footer={reader === null ? <span className="text-muted">{t("signInPrompt")}</span> : undefined}
      onSubmit={async (body) => {
        const comment = await create.mutateAsync({ slug, parentId, paragraphKey, body });
        dispatch({ type: "own-created", comment });
        onPosted?.(comment);
      }}
    />
  );
}
