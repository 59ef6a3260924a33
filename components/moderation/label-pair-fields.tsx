"use client";
/**
 * One piece of wording in both languages: a Chinese and an English field side by side (stacked on
 * phones), each with its own label and the server's message for it.
 */
import { TextField } from "@/components/ui/index.ts";
import type { FieldErrors } from "./form-errors.ts";

export interface Wording {
  zh: string;
  en: string;
}

export function LabelPairFields({
  idPrefix,
  path,
  labels,
  value,
  errors,
  onChange,
  maxLength = 300,
  testId,
}: {
  idPrefix: string;
  /** The field path the server uses for this wording, e.g. "question" or "options.2.label". */
  path: string;
  labels: { zh: string; en: string };
  value: Wording;
  errors: FieldErrors;
  onChange: (next: Wording) => void;
  maxLength?: number;
  testId?: string;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2" data-testid={testId}>
      <TextField
        id={`${idPrefix}-zh`}
        label={labels.zh}
        lang="zh-CN"
        value={value.zh}
        maxLength={maxLength}
        error={errors[`${path}.zh`]}
        onChange={(event) => onChange({ ...value, zh: event.target.value })}
      />
      <TextField
        id={`${idPrefix}-en`}
        label={labels.en}
        lang="en"
        value={value.en}
        maxLength={maxLength}
        error={errors[`${path}.en`]}
        onChange={(event) => onChange({ ...value, en: event.target.value })}
      />
    </div>
  );
}
