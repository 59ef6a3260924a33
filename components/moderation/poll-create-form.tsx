"use client";
/**
 * The form for a new poll: question and options in both languages, single or multiple choice,
 * times, results visibility, changes allowed, and where the essay shows it. The server checks
 * every rule (server/api/routers/polls/moderation/schemas.ts) and its messages appear under the
 * fields they concern; on success the poll's edit page opens.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { useHydrated } from "@/components/ui/use-hydrated.ts";
import { Button, SelectField, StatusMessage, TextField } from "@/components/ui/index.ts";
import { fromDatetimeLocal } from "./datetime-local.ts";
import { AllowChangeField, VisibilityField } from "./display-setting-fields.tsx";
import { errorUnder, fieldErrorsOf, formErrorOf, type FieldErrors } from "./form-errors.ts";
import { LabelPairFields, type Wording } from "./label-pair-fields.tsx";
import { OptionRows } from "./option-rows.tsx";
import { PlacementChoices } from "./placement-choices.tsx";
import type { Visibility } from "./poll-settings-words.ts";

const maxOptions = 12;

/** The two times of a poll: the same field twice, in the browser's local time (datetime-local.ts). */
type ScheduleField = "opensAt" | "closesAt";
const scheduleFields: { field: ScheduleField; id: string }[] = [
  { field: "opensAt", id: "poll-opens-at" },
  { field: "closesAt", id: "poll-closes-at" },
];

export function PollCreateForm({ essaySlug }: { essaySlug: string }) {
  const t = useTranslations("moderation.polls");
  const trpc = useTRPC();
  const create = useMutation(trpc.polls.moderation.create.mutationOptions());
  const [question, setQuestion] = useState<Wording>({ zh: "", en: "" });
  const [key, setKey] = useState("");
  const [kind, setKind] = useState<"SINGLE" | "MULTIPLE">("SINGLE");
  const [maxChoices, setMaxChoices] = useState(2);
  const [options, setOptions] = useState<Wording[]>([
    { zh: "", en: "" },
    { zh: "", en: "" },
  ]);
  const [schedule, setSchedule] = useState<Record<ScheduleField, string>>({ opensAt: "", closesAt: "" });
  const [visibility, setVisibility] = useState<Visibility>("ALWAYS");
  const [allowChange, setAllowChange] = useState(true);
  const [placements, setPlacements] = useState<string[]>(["end"]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    try {
      const poll = await create.mutateAsync({
        slug: essaySlug,
        key: key.trim() || undefined,
        question,
        kind,
        maxChoices: kind === "SINGLE" ? 1 : maxChoices,
        options: options.map((label) => ({ label })),
        opensAt: fromDatetimeLocal(schedule.opensAt) ?? undefined,
        closesAt: fromDatetimeLocal(schedule.closesAt),
        resultsVisibility: visibility,
        allowChange,
        placements: placements as ("after-section-1" | "end")[],
      });
      window.location.assign(`/moderate/polls/${encodeURIComponent(poll.id)}?created=1`);
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFormError(formErrorOf(error, t("failed")) ?? t("fixFields"));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-8" data-testid="poll-create-form">
      {/* Nothing can be typed before hydration, when React would replace it (use-hydrated.ts). */}
      <fieldset disabled={!hydrated} className="contents">
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-3 text-base font-semibold text-fg">{t("form.question")}</legend>
          <LabelPairFields
            idPrefix="poll-question"
            path="question"
            labels={{ zh: t("form.questionZh"), en: t("form.questionEn") }}
            value={question}
            errors={errors}
            onChange={setQuestion}
          />
          <TextField
            id="poll-key"
            label={t("form.key")}
            hint={t("form.keyHint")}
            value={key}
            maxLength={64}
            autoComplete="off"
            spellCheck={false}
            error={errors.key}
            onChange={(event) => setKey(event.target.value)}
            className="sm:max-w-sm"
          />
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-3 text-base font-semibold text-fg">{t("form.options")}</legend>
        <OptionRows
          rows={options}
          errors={errors}
          path="options"
          max={maxOptions}
          min={2}
          onChange={setOptions}
          groupError={errors.options}
        />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-base font-semibold text-fg">{t("form.choices")}</legend>
        <SelectField id="poll-kind" label={t("form.kind")} value={kind} onChange={(event) => setKind(event.target.value as "SINGLE" | "MULTIPLE")}>
          <option value="SINGLE">{t("kind.SINGLE")}</option>
          <option value="MULTIPLE">{t("kind.MULTIPLE")}</option>
        </SelectField>
        {kind === "MULTIPLE" ? (
          <TextField
            id="poll-max-choices"
            type="number"
            inputMode="numeric"
            min={2}
            max={options.length}
            label={t("form.maxChoices")}
            hint={t("form.maxChoicesHint", { max: options.length })}
            value={String(maxChoices)}
            error={errors.maxChoices}
            onChange={(event) => setMaxChoices(Number(event.target.value))}
          />
        ) : errors.maxChoices ? (
          <p className="text-sm text-danger">{errors.maxChoices}</p>
        ) : null}
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-base font-semibold text-fg">{t("form.schedule")}</legend>
        {scheduleFields.map(({ field, id }) => (
          <TextField
            key={field}
            id={id}
            type="datetime-local"
            label={t(`form.${field}`)}
            hint={t(`form.${field}Hint`)}
            value={schedule[field]}
            error={errors[field]}
            onChange={(event) => setSchedule({ ...schedule, [field]: event.target.value })}
          />
        ))}
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-3 text-base font-semibold text-fg">{t("form.display")}</legend>
        <VisibilityField id="poll-visibility" value={visibility} onVisibilityChange={setVisibility} />
        <AllowChangeField checked={allowChange} onAllowChange={setAllowChange} />
        <PlacementChoices value={placements} onChange={setPlacements} error={errorUnder(errors, "placements")} />
      </fieldset>

      <div className="flex flex-wrap items-center gap-4 border-t border-line pt-6">
        <Button type="submit" pending={create.isPending} data-testid="poll-create-submit">
          {create.isPending ? t("form.creating") : t("form.create")}
        </Button>
        <a href="/moderate/polls" className="text-sm font-medium text-muted hover:text-fg">
          {t("form.cancel")}
        </a>
      </div>
      </fieldset>
      <StatusMessage tone="error">{formError}</StatusMessage>
    </form>
  );
}
