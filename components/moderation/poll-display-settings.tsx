"use client";
/** Who sees the results, and whether readers may change their ballot; each saved as soon as it changes. */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { SelectField, StatusMessage } from "@/components/ui/index.ts";
import type { ModeratedPoll } from "@/server/api/routers/polls/moderation/schemas.ts";
import { formErrorOf } from "./form-errors.ts";
import { visibilities, type Visibility } from "./poll-settings-words.ts";

type Status = { tone: "success" | "error"; message: string } | null;

export function PollDisplaySettings({ poll, onSaved }: { poll: ModeratedPoll; onSaved: (poll: ModeratedPoll) => void }) {
  const t = useTranslations("moderation.polls");
  const trpc = useTRPC();
  const setVisibility = useMutation(trpc.polls.moderation.setVisibility.mutationOptions());
  const setAllowChange = useMutation(trpc.polls.moderation.setAllowChange.mutationOptions());
  const [status, setStatus] = useState<Status>(null);
  const busy = setVisibility.isPending || setAllowChange.isPending;

  async function save(action: () => Promise<ModeratedPoll>) {
    setStatus(null);
    try {
      onSaved(await action());
      setStatus({ tone: "success", message: t("edit.saved") });
    } catch (error) {
      setStatus({ tone: "error", message: formErrorOf(error, t("failed")) ?? t("failed") });
    }
  }

  return (
    <div className="flex flex-col gap-5">
      <SelectField
        id="edit-visibility"
        label={t("form.visibility")}
        hint={t("edit.visibilityHint")}
        value={poll.resultsVisibility}
        disabled={busy}
        onChange={(event) => save(() => setVisibility.mutateAsync({ pollId: poll.id, resultsVisibility: event.target.value as Visibility }))}
        className="sm:max-w-sm"
        data-testid="edit-visibility"
      >
        {visibilities.map((mode) => (
          <option key={mode} value={mode}>
            {t(`visibility.${mode}`)}
          </option>
        ))}
      </SelectField>
      <label className="flex items-center gap-3 text-[0.9375rem] text-fg">
        <input
          type="checkbox"
          checked={poll.allowChange}
          disabled={busy}
          onChange={(event) => save(() => setAllowChange.mutateAsync({ pollId: poll.id, allowChange: event.target.checked }))}
          className="size-4 accent-[var(--tq-accent)]"
          data-testid="edit-allow-change"
        />
        {t("form.allowChange")}
      </label>
      <p className="text-sm text-muted">
        {t("edit.placementsValue", {
          places: poll.placements.length ? poll.placements.map((p) => t(`form.placement.${p as "end"}`)).join(t("edit.listSeparator")) : t("edit.noPlacement"),
        })}
      </p>
      <StatusMessage tone={status?.tone ?? "info"}>{status?.message}</StatusMessage>
    </div>
  );
}
