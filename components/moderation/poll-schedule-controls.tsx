"use client";
/**
 * Open, upcoming or closed, and the way to change it: close an open poll now; reopen a closed one
 * for good or until a new closing time. Times are shown in the site's zone (Asia/Shanghai), as
 * everywhere else; the closing-time field reads the moderator's own.
 */
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button, StatusMessage, TextField } from "@/components/ui/index.ts";
import type { ModeratedPoll } from "@/server/api/routers/polls/moderation/schemas.ts";
import { fromDatetimeLocal } from "./datetime-local.ts";
import { fieldErrorsOf, formErrorOf } from "./form-errors.ts";
import { PollStateBadge } from "./poll-state-badge.tsx";

type Status = { tone: "success" | "error"; message: string } | null;
const dateTime = { dateStyle: "medium", timeStyle: "short" } as const;

export function PollScheduleControls({ poll, onSaved }: { poll: ModeratedPoll; onSaved: (poll: ModeratedPoll) => void }) {
  const t = useTranslations("moderation.polls");
  const format = useFormatter();
  const trpc = useTRPC();
  const close = useMutation(trpc.polls.moderation.close.mutationOptions());
  const reopen = useMutation(trpc.polls.moderation.reopen.mutationOptions());
  const [until, setUntil] = useState("");
  const [untilError, setUntilError] = useState<string | undefined>();
  const [status, setStatus] = useState<Status>(null);

  async function run(action: () => Promise<ModeratedPoll>, done: string) {
    setStatus(null);
    setUntilError(undefined);
    try {
      onSaved(await action());
      setStatus({ tone: "success", message: done });
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setUntilError(fields.closesAt);
      setStatus({ tone: "error", message: formErrorOf(error, t("failed")) ?? t("fixFields") });
    }
  }

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center gap-3">
        <PollStateBadge state={poll.state} label={t(`state.${poll.state}`)} />
        <p className="text-[0.9375rem] text-muted" data-testid="poll-schedule">
          {t("edit.opens", { at: format.dateTime(poll.opensAt, dateTime) })}
          {" · "}
          {poll.closesAt ? t("edit.closes", { at: format.dateTime(poll.closesAt, dateTime) }) : t("edit.noClosing")}
        </p>
      </div>

      {poll.state === "open" ? (
        <div>
          <Button variant="danger" pending={close.isPending} onClick={() => run(() => close.mutateAsync({ pollId: poll.id }), t("edit.closed"))} data-testid="poll-close">
            {t("edit.close")}
          </Button>
          <p className="mt-2 text-sm text-muted">{t("edit.closeHint")}</p>
        </div>
      ) : null}

      {poll.state === "closed" ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <TextField
            id="reopen-until"
            type="datetime-local"
            label={t("edit.reopenUntil")}
            hint={t("edit.reopenUntilHint")}
            value={until}
            error={untilError}
            onChange={(event) => setUntil(event.target.value)}
            className="sm:w-72"
          />
          <Button
            pending={reopen.isPending}
            onClick={() => run(() => reopen.mutateAsync({ pollId: poll.id, closesAt: fromDatetimeLocal(until) }), t("edit.reopened"))}
            data-testid="poll-reopen"
            className="sm:mb-7"
          >
            {t("edit.reopen")}
          </Button>
        </div>
      ) : null}

      {poll.state === "upcoming" ? <p className="text-sm text-muted">{t("edit.upcomingHint")}</p> : null}
      <StatusMessage tone={status?.tone ?? "info"}>{status?.message}</StatusMessage>
    </div>
  );
}
