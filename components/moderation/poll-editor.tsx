"use client";
/**
 * A poll's edit page: wording, new options, closing and reopening, what readers see, and the CSV.
 * Every section saves through its own procedure and puts the poll it returns into the one cached
 * polls.moderation.get, so all sections show the same, current poll.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc.ts";
import type { ModeratedPoll } from "@/server/api/routers/polls/moderation/schemas.ts";
import { PollAddOptionsForm } from "./poll-add-options-form.tsx";
import { PollDisplaySettings } from "./poll-display-settings.tsx";
import { PollScheduleControls } from "./poll-schedule-controls.tsx";
import { PollWordingForm } from "./poll-wording-form.tsx";
import { EditorSection } from "./editor-section.tsx";

export function PollEditor({ initialPoll }: { initialPoll: ModeratedPoll }) {
  const t = useTranslations("moderation.polls.edit");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryOptions = trpc.polls.moderation.get.queryOptions({ pollId: initialPoll.id }, { initialData: initialPoll, staleTime: 30_000 });
  const poll = useQuery(queryOptions).data ?? initialPoll;
  const onSaved = (next: ModeratedPoll) => queryClient.setQueryData(queryOptions.queryKey, next);

  return (
    <div className="flex flex-col gap-6">
      <EditorSection title={t("schedule")} id="schedule">
        <PollScheduleControls poll={poll} onSaved={onSaved} />
      </EditorSection>
      <EditorSection title={t("wording")} id="wording">
        {/* Remounted when options are added elsewhere on the page, so its rows match the poll. */}
        <PollWordingForm key={poll.options.map((o) => o.id).join()} poll={poll} onSaved={onSaved} />
      </EditorSection>
      <EditorSection title={t("addOptions")} id="add-options">
        <PollAddOptionsForm poll={poll} onSaved={onSaved} />
      </EditorSection>
      <EditorSection title={t("display")} id="display">
        <PollDisplaySettings poll={poll} onSaved={onSaved} />
      </EditorSection>
    </div>
  );
}
