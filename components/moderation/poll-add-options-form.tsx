"use client";
/** New options after the existing ones, up to 12 in all. Allowed at any time: adding changes no cast ballot. */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button, StatusMessage } from "@/components/ui/index.ts";
import type { ModeratedPoll } from "@/server/api/routers/polls/moderation/schemas.ts";
import { fieldErrorsOf, formErrorOf, type FieldErrors } from "./form-errors.ts";
import type { Wording } from "./label-pair-fields.tsx";
import { OptionRows } from "./option-rows.tsx";

const maxOptions = 12;
type Status = { tone: "success" | "error"; message: string } | null;

export function PollAddOptionsForm({ poll, onSaved }: { poll: ModeratedPoll; onSaved: (poll: ModeratedPoll) => void }) {
  const t = useTranslations("moderation.polls");
  const trpc = useTRPC();
  const add = useMutation(trpc.polls.moderation.addOptions.mutationOptions());
  const [rows, setRows] = useState<Wording[]>([{ zh: "", en: "" }]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>(null);
  const room = maxOptions - poll.options.length;

  if (room <= 0) return <p className="text-sm text-muted">{t("form.optionLimit", { max: maxOptions })}</p>;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    try {
      const saved = await add.mutateAsync({ pollId: poll.id, options: rows.map((label) => ({ label })) });
      setErrors({});
      setRows([{ zh: "", en: "" }]);
      onSaved(saved);
      setStatus({ tone: "success", message: t("edit.optionsAdded", { count: rows.length }) });
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setStatus({ tone: "error", message: formErrorOf(error, t("failed")) ?? t("fixFields") });
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" data-testid="poll-add-options-form">
      <p className="text-sm text-muted">{t("edit.addOptionsHint", { room })}</p>
      <OptionRows rows={rows} errors={errors} path="options" min={1} max={room} onChange={setRows} groupError={errors.options} idPrefix="new-option" />
      <div>
        <Button type="submit" pending={add.isPending} data-testid="add-options-submit">
          {t("edit.addOptionsSubmit")}
        </Button>
      </div>
      <StatusMessage tone={status?.tone ?? "info"}>{status?.message}</StatusMessage>
    </form>
  );
}
