"use client";
/** Who sees the results, and whether readers may change their ballot; each saved as soon as it changes. */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { StatusMessage } from "@/components/ui/index.ts";
import type { ModeratedPoll } from "@/server/api/routers/polls/moderation/schemas.ts";
import { formErrorOf } from "./form-errors.ts";
import { AllowChangeField, VisibilityField } from "./display-setting-fields.tsx";

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
      <VisibilityField
        id="edit-visibility"
        hint={t("edit.visibilityHint")}
        value={poll.resultsVisibility}
        disabled={busy}
        onVisibilityChange={(resultsVisibility) => save(() => setVisibility.mutateAsync({ pollId: poll.id, resultsVisibility }))}
        data-testid="edit-visibility"
      />
      <AllowChangeField
        checked={poll.allowChange}
        disabled={busy}
        onAllowChange={(allowChange) => save(() => setAllowChange.mutateAsync({ pollId: poll.id, allowChange }))}
        data-testid="edit-allow-change"
      />
      <p className="text-sm text-muted">
        {t("edit.placementsValue", {
          places: poll.placements.length ? poll.placements.map((p) => t(`form.placement.${p as "end"}`)).join(t("edit.listSeparator")) : t("edit.noPlacement"),
        })}
      </p>
      <StatusMessage tone={status?.tone ?? "info"}>{status?.message}</StatusMessage>
    </div>
  );
}
