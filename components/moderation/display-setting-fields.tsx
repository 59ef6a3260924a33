"use client";
/**
 * The two display settings of a poll as fields: who sees the results, and whether readers may
 * change their ballot. The same controls on the new-poll form (poll-create-form.tsx) and on the
 * edit page, where each change saves at once (poll-display-settings.tsx).
 */
import { useTranslations } from "next-intl";
import type { InputHTMLAttributes } from "react";
import { SelectField, type SelectFieldProps } from "@/components/ui/index.ts";
import { visibilities, type Visibility } from "./poll-settings-words.ts";

export function VisibilityField({ onVisibilityChange, ...field }: Omit<SelectFieldProps, "label" | "onChange" | "children"> & { onVisibilityChange: (visibility: Visibility) => void }) {
  const t = useTranslations("moderation.polls");
  return (
    <SelectField label={t("form.visibility")} onChange={(event) => onVisibilityChange(event.target.value as Visibility)} className="sm:max-w-sm" {...field}>
      {visibilities.map((mode) => (
        <option key={mode} value={mode}>
          {t(`visibility.${mode}`)}
        </option>
      ))}
    </SelectField>
  );
}

export function AllowChangeField({ onAllowChange, ...input }: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "onChange" | "className"> & { onAllowChange: (allow: boolean) => void }) {
  const t = useTranslations("moderation.polls");
  return (
    <label className="flex items-center gap-3 text-[0.9375rem] text-fg">
      <input type="checkbox" onChange={(event) => onAllowChange(event.target.checked)} className="size-4 accent-[var(--tq-accent)]" {...input} />
      {t("form.allowChange")}
    </label>
  );
}
