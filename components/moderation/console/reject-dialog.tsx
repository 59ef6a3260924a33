"use client";
/**
 * Remove one or many comments: the reason code the author will see (a select, starting from the
 * reason most reports give) and an optional note. Keyboard: the select has focus on opening,
 * Tab reaches the note, Ctrl/⌘+Enter submits from anywhere in the dialog.
 */
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ModalDialog } from "@/components/comments/modal-dialog.tsx";
import { Button, CountedTextArea, SelectField, StatusMessage } from "@/components/ui";
import type { RejectionReason } from "@/server/api/routers/moderation/schemas.ts";

const reasons: RejectionReason[] = ["spam", "harassment", "hate", "off_topic", "illegal", "other"];
const noteLimit = 500;

export function RejectDialog({
  open,
  count,
  initialReason,
  pending,
  error,
  onClose,
  onSubmit,
}: {
  open: boolean;
  count: number;
  initialReason: RejectionReason | null;
  pending: boolean;
  error: string | null;
  onClose: () => void;
  onSubmit: (reason: RejectionReason, note: string) => void;
}) {
  const t = useTranslations("moderation.console");
  return (
    <ModalDialog open={open} onClose={onClose} title={count > 1 ? t("rejectDialog.titleMany", { count }) : t("rejectDialog.title")} testId="reject-dialog">
      <RejectForm key={String(open)} initialReason={initialReason} pending={pending} error={error} onCancel={onClose} onSubmit={onSubmit} />
    </ModalDialog>
  );
}

function RejectForm({
  initialReason,
  pending,
  error,
  onCancel,
  onSubmit,
}: {
  initialReason: RejectionReason | null;
  pending: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (reason: RejectionReason, note: string) => void;
}) {
  const t = useTranslations("moderation.console");
  const id = useId();
  const [reason, setReason] = useState<RejectionReason>(initialReason ?? "spam");
  const [note, setNote] = useState("");
  const submit = () => {
    if (!pending) onSubmit(reason, note.trim());
  };
  return (
    <form
      className="mt-4 grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          submit();
        }
      }}
    >
      <SelectField id={`${id}-reason`} label={t("rejectDialog.reason")} value={reason} onChange={(event) => setReason(event.target.value as RejectionReason)} autoFocus data-testid="reject-reason">
        {reasons.map((value) => (
          <option key={value} value={value}>
            {t(`reason.${value}`)}
          </option>
        ))}
      </SelectField>
      <CountedTextArea
        id={`${id}-note`}
        label={t("rejectDialog.note")}
        hint={t("rejectDialog.noteHint")}
        value={note}
        limit={noteLimit}
        onChange={(event) => setNote(event.target.value)}
        data-testid="reject-note"
      />
      <StatusMessage tone="error">{error}</StatusMessage>
      <div className="flex flex-wrap items-center justify-end gap-2">
        <span className="mr-auto hidden text-xs text-subtle sm:inline">{t("rejectDialog.shortcut")}</span>
        <Button variant="ghost" size="sm" onClick={onCancel} disabled={pending}>
          {t("rejectDialog.cancel")}
        </Button>
        <Button type="submit" variant="danger" size="sm" pending={pending} data-testid="reject-submit">
          {pending ? t("rejectDialog.submitting") : t("rejectDialog.submit")}
        </Button>
      </div>
    </form>
  );
}
