"use client";
/**
 * The comment editor, for a new comment, a reply or an edit: an autosizing textarea with
 * Write/Preview tabs, a Markdown hint, a counter near the limit, Ctrl/⌘+Enter to submit (never
 * plain Enter, never during an input method's composition), and a draft in localStorage that
 * survives a reload, a failed submission and a trip through sign-in. The draft is cleared only
 * after the server accepted the text.
 *
 * What "submit" does is the caller's (create, reply, edit); a signed-out reader gets a sign-in
 * link in place of the submit button and keeps what they typed.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { failureMessage } from "@/components/feedback/failure-message.ts";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button, LinkButton, StatusMessage, cx } from "@/components/ui";
import { bodyLength, bodyLimit, counterFrom, isSubmitShortcut } from "./composer-keys.ts";
import { commentBodyClasses } from "./comment-frame.tsx";
import { clearDraft, readDraft, writeDraft, type DraftPlace } from "./draft-storage.ts";
import { MarkdownHint } from "./markdown-hint.tsx";

const draftDelayMs = 400;

export interface CommentComposerProps {
  place: DraftPlace;
  /** The textarea's accessible name. */
  label: string;
  placeholder?: string;
  submitLabel: string;
  pendingLabel: string;
  /** The text to start from when there is no draft (an edit starts from the comment's source). */
  initialText?: string;
  /** Sends the text; throws an error whose message is shown (tRPC errors arrive translated). */
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
  /** null when signed in; otherwise the sign-in link that replaces the submit button. */
  signInHref?: string | null;
  autoFocus?: boolean;
  /** Extra content in the footer (left of the buttons). */
  footer?: ReactNode;
  testId?: string;
}

export function CommentComposer({
  place,
  label,
  placeholder,
  submitLabel,
  pendingLabel,
  initialText = "",
  onSubmit,
  onCancel,
  signInHref = null,
  autoFocus = false,
  footer,
  testId = "comment-composer",
}: CommentComposerProps) {
  const t = useTranslations("comments.composer");
  const id = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  // The composer only renders in the browser (the section is a client-only island), so the draft
  // can be read in the initial state: no flash of an empty box.
  const [restored] = useState(() => readDraft(place));
  const [text, setText] = useState(() => restored || initialText);
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submitting = useRef(false);

  // Debounced draft: written while typing, and at once when the page goes away.
  const latest = useRef(text);
  latest.current = text;
  const placeRef = useRef(place);
  placeRef.current = place;
  const dirty = useRef(false);
  const flushDraft = useCallback(() => {
    if (!dirty.current) return;
    dirty.current = false;
    writeDraft(placeRef.current, latest.current);
  }, []);
  useEffect(() => {
    if (!dirty.current) return;
    const timer = window.setTimeout(flushDraft, draftDelayMs);
    return () => window.clearTimeout(timer);
  }, [text, flushDraft]);
  useEffect(() => {
    window.addEventListener("pagehide", flushDraft);
    return () => {
      window.removeEventListener("pagehide", flushDraft);
      flushDraft();
    };
  }, [flushDraft]);

  // Autosize: as tall as the text, up to a cap past which the textarea scrolls.
  useEffect(() => {
    const textarea = textareaRef.current;
    if (!textarea || tab !== "write") return;
    textarea.style.height = "auto";
    textarea.style.height = `${textarea.scrollHeight + 2}px`;
  }, [text, tab]);

  useEffect(() => {
    if (autoFocus) textareaRef.current?.focus();
  }, [autoFocus]);

  const length = bodyLength(text);
  const over = length > bodyLimit;

  async function submit() {
    if (submitting.current || signInHref) return;
    if (length === 0) {
      setError(t("empty"));
      return;
    }
    if (over) {
      setError(t("over", { count: length - bodyLimit }));
      return;
    }
    submitting.current = true;
    setPending(true);
    setError(null);
    flushDraft();
    try {
      await onSubmit(text);
      dirty.current = false;
      clearDraft(place);
      setText("");
      setTab("write");
    } catch (failure) {
      // The text and its draft stay: nothing typed is lost.
      setError(failureMessage(failure, t("failed")));
    } finally {
      submitting.current = false;
      setPending(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const native = event.nativeEvent;
    if (
      isSubmitShortcut({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, isComposing: native.isComposing, keyCode: native.keyCode })
    ) {
      event.preventDefault();
      void submit();
    }
  }

  const errorId = `${id}-error`;
  const counterId = `${id}-counter`;
  const showCounter = length >= counterFrom;

  return (
    <form
      data-testid={testId}
      className="rounded-xl border border-line bg-surface shadow-[0_1px_2px_rgb(0_0_0/0.04)] focus-within:border-subtle"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="flex items-center justify-between gap-2 border-b border-line px-2 pt-1.5">
        <div role="tablist" aria-label={label} className="flex gap-1">
          {(["write", "preview"] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`${id}-tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`${id}-panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => setTab(name)}
              onKeyDown={(event) => {
                if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
                  event.preventDefault();
                  const next = tab === "write" ? "preview" : "write";
                  setTab(next);
                  document.getElementById(`${id}-tab-${next}`)?.focus();
                }
              }}
              className={cx(
                "-mb-px rounded-t-md border-b-2 px-3 pt-1 pb-1.5 text-sm transition-colors",
                tab === name ? "border-accent font-medium text-fg" : "border-transparent text-muted hover:text-fg",
              )}
            >
              {t(name)}
            </button>
          ))}
        </div>
        <MarkdownHint />
      </div>

      <div id={`${id}-panel-write`} role="tabpanel" aria-labelledby={`${id}-tab-write`} hidden={tab !== "write"}>
        <label htmlFor={`${id}-text`} className="sr-only">
          {label}
        </label>
        <textarea
          ref={textareaRef}
          id={`${id}-text`}
          data-testid="comment-textarea"
          value={text}
          placeholder={placeholder}
          rows={3}
          disabled={pending}
          aria-invalid={error || over ? true : undefined}
          aria-describedby={cx(error ? errorId : "", showCounter ? counterId : "") || undefined}
          onChange={(event) => {
            dirty.current = true;
            setText(event.target.value);
            if (error) setError(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={flushDraft}
          className="block max-h-[60vh] min-h-24 w-full resize-none bg-transparent px-3.5 py-3 text-base leading-relaxed text-fg placeholder:text-subtle focus-visible:outline-none disabled:opacity-70"
        />
      </div>
      {tab === "preview" ? (
        <div id={`${id}-panel-preview`} role="tabpanel" aria-labelledby={`${id}-tab-preview`} tabIndex={0} className="min-h-24 px-3.5 py-3">
          <CommentPreview text={text} />
        </div>
      ) : null}

      {restored && text === restored && !error ? <p className="px-3.5 pb-1 text-xs text-subtle">{t("draftRestored")}</p> : null}

      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2 border-t border-line px-3 py-2">
        <div className="flex min-w-0 items-center gap-3 text-xs text-subtle">
          {showCounter ? (
            <span id={counterId} aria-live="polite" className={cx("tabular-nums", over ? "font-semibold text-danger" : "text-muted")} data-testid="comment-counter">
              {over ? t("over", { count: length - bodyLimit }) : t("remaining", { count: bodyLimit - length })}
            </span>
          ) : signInHref ? null : (
            <span className="hidden sm:inline">{t("shortcut", { action: submitLabel })}</span>
          )}
          {footer}
        </div>
        <div className="ml-auto flex items-center gap-2">
          {onCancel ? (
            <Button variant="ghost" size="sm" onClick={onCancel} disabled={pending}>
              {t("cancel")}
            </Button>
          ) : null}
          {signInHref ? (
            <LinkButton href={signInHref} size="sm" onClick={flushDraft} data-testid="comment-sign-in">
              {submitLabel}
            </LinkButton>
          ) : (
            <Button type="submit" size="sm" pending={pending} disabled={over} data-testid="comment-submit">
              {pending ? pendingLabel : submitLabel}
            </Button>
          )}
        </div>
      </div>
      <StatusMessage tone="error" className={error ? "mx-3 mb-3" : undefined}>
        {error ? <span id={errorId}>{error}</span> : null}
      </StatusMessage>
    </form>
  );
}

/**
 * The server's rendering of the text (comments.preview, a mutation: never cached): exactly what
 * posting would show. Signed-out readers drafting before they sign in get it too (the server
 * limits previews per client). Asked once per text shown.
 */
function CommentPreview({ text }: { text: string }) {
  const t = useTranslations("comments.composer");
  const trpc = useTRPC();
  const trimmed = text.trim();
  const { mutate, data, error, isPending, isIdle } = useMutation(trpc.comments.preview.mutationOptions());
  useEffect(() => {
    if (trimmed !== "") mutate({ body: text });
  }, [text, trimmed, mutate]);
  if (trimmed === "") return <p className="text-sm text-subtle">{t("previewEmpty")}</p>;
  if (isPending || isIdle) return <p className="text-sm text-subtle">{t("previewLoading")}</p>;
  if (error) return <p className="text-sm text-danger">{error.message || t("previewFailed")}</p>;
  return <div className={commentBodyClasses} data-testid="comment-preview" dangerouslySetInnerHTML={{ __html: data?.html ?? "" }} />;
}
