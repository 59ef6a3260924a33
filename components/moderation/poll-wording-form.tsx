"use client";
/**
 * The question and the options' labels and order. Once readers have voted the labels can still be
 * reworded, with a warning that the meaning must stay (a ballot is for what the option meant when
 * it was cast), and no option can be removed; before that, options can be removed too.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button, StatusMessage } from "@/components/ui/index.ts";
import type { ModeratedPoll } from "@/server/api/routers/polls/moderation/schemas.ts";
import { fieldErrorsOf, formErrorOf, type FieldErrors } from "./form-errors.ts";
import { LabelPairFields, type Wording } from "./label-pair-fields.tsx";

type Status = { tone: "success" | "error"; message: string } | null;

export function PollWordingForm({ poll, onSaved }: { poll: ModeratedPoll; onSaved: (poll: ModeratedPoll) => void }) {
  const t = useTranslations("moderation.polls");
  const trpc = useTRPC();
  const update = useMutation(trpc.polls.moderation.updateWording.mutationOptions());
  const [question, setQuestion] = useState<Wording>(poll.question);
  const [options, setOptions] = useState(poll.options.map((o) => ({ id: o.id, key: o.key, votes: o.votes, label: o.label })));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>(null);
  const hasVotes = poll.voterCount > 0;

  const move = (index: number, by: -1 | 1) => {
    const next = [...options];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    setOptions(next);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    try {
      const saved = await update.mutateAsync({ pollId: poll.id, question, options: options.map(({ id, label }) => ({ id, label })) });
      setErrors({});
      onSaved(saved);
      setStatus({ tone: "success", message: t("edit.saved") });
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setStatus({ tone: "error", message: formErrorOf(error, t("failed")) ?? t("fixFields") });
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6" data-testid="poll-wording-form">
      {hasVotes ? (
        <p className="rounded-xl border border-accent/30 bg-accent-soft px-4 py-3 text-sm leading-relaxed text-fg" data-testid="wording-warning">
          <strong className="font-semibold">{t("edit.votesWarningTitle", { count: poll.voterCount })}</strong> {t("edit.votesWarning")}
        </p>
      ) : null}
      <LabelPairFields
        idPrefix="edit-question"
        path="question"
        labels={{ zh: t("form.questionZh"), en: t("form.questionEn") }}
        value={question}
        errors={errors}
        onChange={setQuestion}
      />
      <ol className="flex flex-col gap-3" aria-label={t("form.options")}>
        {options.map((option, index) => (
          <li key={option.id} className="rounded-xl border border-line bg-bg/60 p-4" data-testid="edit-option" data-option={option.key}>
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <span className="text-sm font-medium text-muted">
                {t("form.optionNumber", { n: index + 1 })} · <span className="font-mono text-xs">{option.key}</span> · {t("votes", { count: option.votes })}
              </span>
              {/* ml-auto: when a long key wraps the buttons to their own line, they stay on the right like every other row's. */}
              <span className="ml-auto flex items-center gap-1">
                <Button variant="ghost" size="sm" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t("edit.moveUp", { n: index + 1 })}>
                  <span aria-hidden="true">↑</span>
                </Button>
                <Button variant="ghost" size="sm" disabled={index === options.length - 1} onClick={() => move(index, 1)} aria-label={t("edit.moveDown", { n: index + 1 })}>
                  <span aria-hidden="true">↓</span>
                </Button>
                {!hasVotes && options.length > 2 ? (
                  <Button variant="danger" size="sm" onClick={() => setOptions(options.filter((o) => o.id !== option.id))} aria-label={t("form.removeOptionNumber", { n: index + 1 })}>
                    {t("form.removeOption")}
                  </Button>
                ) : null}
              </span>
            </div>
            <LabelPairFields
              idPrefix={`edit-option-${option.id}`}
              path={`options.${index}.label`}
              labels={{ zh: t("form.labelZh"), en: t("form.labelEn") }}
              value={option.label}
              errors={errors}
              onChange={(label) => setOptions(options.map((o) => (o.id === option.id ? { ...o, label } : o)))}
            />
            {errors[`options.${index}`] ? <p className="mt-2 text-sm text-danger">{errors[`options.${index}`]}</p> : null}
          </li>
        ))}
      </ol>
      {errors.options ? <p className="text-sm text-danger">{errors.options}</p> : null}
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" pending={update.isPending} data-testid="wording-save">
          {update.isPending ? t("edit.saving") : t("edit.saveWording")}
        </Button>
      </div>
      <StatusMessage tone={status?.tone ?? "info"}>{status?.message}</StatusMessage>
    </form>
  );
}
