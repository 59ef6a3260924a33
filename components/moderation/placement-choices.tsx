"use client";
/** Where the essay shows a poll: after its first section, at its end, both or neither. */
import { useTranslations } from "next-intl";
import { pollPlacements } from "@/server/polls/moderation/placements.ts";

export function PlacementChoices({ value, onChange, error }: { value: string[]; onChange: (next: string[]) => void; error?: string }) {
  const t = useTranslations("moderation.polls.form");
  return (
    <fieldset aria-describedby={error ? "poll-placements-error" : "poll-placements-hint"} className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-fg">{t("placements")}</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {pollPlacements.map((placement) => (
          <label key={placement} className="flex items-center gap-2.5 text-[0.9375rem] text-fg">
            <input
              type="checkbox"
              name="placements"
              value={placement}
              checked={value.includes(placement)}
              onChange={(event) => onChange(event.target.checked ? [...value, placement] : value.filter((p) => p !== placement))}
              className="size-4 accent-[var(--tq-accent)]"
            />
            {t(`placement.${placement}`)}
          </label>
        ))}
      </div>
      <p id="poll-placements-hint" className="text-sm text-muted">
        {t("placementsHint")}
      </p>
      {error ? (
        <p id="poll-placements-error" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
