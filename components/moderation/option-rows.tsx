"use client";
/**
 * Editable option rows (Chinese and English label each), with add and remove. Used for a new poll
 * and for options added to an existing one; `offset` numbers the rows after existing options.
 */
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/index.ts";
import type { FieldErrors } from "./form-errors.ts";
import { LabelPairFields, type Wording } from "./label-pair-fields.tsx";

export function OptionRows({
  rows,
  errors,
  path,
  min,
  max,
  onChange,
  groupError,
  idPrefix = "poll-option",
}: {
  rows: Wording[];
  errors: FieldErrors;
  /** The server's path of this list ("options"). */
  path: string;
  min: number;
  max: number;
  onChange: (next: Wording[]) => void;
  groupError?: string;
  idPrefix?: string;
}) {
  const t = useTranslations("moderation.polls.form");
  return (
    <div className="flex flex-col gap-3">
      <ol className="flex flex-col gap-3">
        {rows.map((row, index) => (
          <li key={index} className="rounded-xl border border-line bg-bg/60 p-4" data-testid="option-row">
            <div className="mb-2 flex items-center justify-between gap-3">
              <span className="text-sm font-medium text-muted">{t("optionNumber", { n: index + 1 })}</span>
              {rows.length > min ? (
                <Button variant="ghost" size="sm" onClick={() => onChange(rows.filter((_, i) => i !== index))} aria-label={t("removeOptionNumber", { n: index + 1 })}>
                  {t("removeOption")}
                </Button>
              ) : null}
            </div>
            <LabelPairFields
              idPrefix={`${idPrefix}-${index}`}
              path={`${path}.${index}.label`}
              labels={{ zh: t("labelZh"), en: t("labelEn") }}
              value={row}
              errors={errors}
              onChange={(next) => onChange(rows.map((r, i) => (i === index ? next : r)))}
            />
            {errors[`${path}.${index}`] || errors[`${path}.${index}.key`] ? (
              <p className="mt-2 text-sm text-danger">{errors[`${path}.${index}`] ?? errors[`${path}.${index}.key`]}</p>
            ) : null}
          </li>
        ))}
      </ol>
      {groupError ? (
        <p className="text-sm text-danger" role="alert">
          {groupError}
        </p>
      ) : null}
      <div>
        <Button variant="secondary" size="sm" disabled={rows.length >= max} onClick={() => onChange([...rows, { zh: "", en: "" }])} data-testid="add-option-row">
          {t("addOption")}
        </Button>
        {rows.length >= max ? <span className="ml-3 text-sm text-muted">{t("optionLimit", { max })}</span> : null}
      </div>
    </div>
  );
}
