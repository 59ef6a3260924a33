"use client";
/**
 * The fields of one watched term — the term, its action, where it is watched, a tag — for the
 * add form and a row being edited. Controlled; errors are the server's translated messages.
 */
import { useTranslations } from "next-intl";
import { Input, Select } from "@/components/ui/index.ts";
import { cx } from "@/components/ui/cx.ts";
import type { FieldErrors } from "@/components/moderation/form-errors.ts";

export const actions = ["block", "hold", "flag", "censor"] as const;
export const fields = ["body", "displayName", "link"] as const;
export type TermDraft = { term: string; action: (typeof actions)[number]; fields: (typeof fields)[number][]; tag: string };

export const emptyDraft: TermDraft = { term: "", action: "hold", fields: ["body"], tag: "" };

export function TermFields({ id, value, onChange, errors, compact = false }: { id: string; value: TermDraft; onChange: (next: TermDraft) => void; errors: FieldErrors; compact?: boolean }) {
  const t = useTranslations("moderation.words");
  const error = (name: string) => errors[name] ?? Object.entries(errors).find(([k]) => k.startsWith(`${name}.`))?.[1];
  const labelClass = cx("text-sm font-medium text-fg", compact && "sr-only sm:not-sr-only sm:text-xs sm:text-muted");
  return (
    <div className={cx("grid gap-4", compact ? "sm:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_auto_minmax(0,0.8fr)] sm:items-start sm:gap-3" : "sm:grid-cols-2")}>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-term`} className={labelClass}>
          {t("terms.term")}
        </label>
        <Input
          id={`${id}-term`}
          lang="zh-CN"
          value={value.term}
          maxLength={200}
          onChange={(e) => onChange({ ...value, term: e.target.value })}
          aria-invalid={error("term") ? true : undefined}
          aria-describedby={error("term") ? `${id}-term-error` : undefined}
          data-testid="term-input"
        />
        {error("term") ? (
          <p id={`${id}-term-error`} className="text-sm text-danger">
            {error("term")}
          </p>
        ) : null}
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-action`} className={labelClass}>
          {t("terms.action")}
        </label>
        <Select id={`${id}-action`} value={value.action} onChange={(e) => onChange({ ...value, action: e.target.value as TermDraft["action"] })} data-testid="action-select">
          {actions.map((a) => (
            <option key={a} value={a}>
              {t(`action.${a}`)}
            </option>
          ))}
        </Select>
        {compact ? null : <p className="text-sm text-muted">{t(`actionHint.${value.action}`)}</p>}
      </div>
      <fieldset className="flex flex-col gap-1.5" aria-describedby={error("fields") ? `${id}-fields-error` : undefined}>
        <legend className={cx(labelClass, "mb-1.5")}>{t("terms.fields")}</legend>
        <div className={cx("flex flex-wrap gap-x-4 gap-y-2", compact && "sm:flex-col sm:gap-1")}>
          {fields.map((f) => (
            <label key={f} className="inline-flex items-center gap-2 text-sm text-fg">
              <input
                type="checkbox"
                className="size-4 accent-accent"
                checked={value.fields.includes(f)}
                onChange={(e) => onChange({ ...value, fields: e.target.checked ? [...value.fields, f] : value.fields.filter((x) => x !== f) })}
                data-testid={`field-${f}`}
              />
              {t(`field.${f}`)}
            </label>
          ))}
        </div>
        {error("fields") ? (
          <p id={`${id}-fields-error`} className="text-sm text-danger">
            {error("fields")}
          </p>
        ) : null}
      </fieldset>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-tag`} className={labelClass}>
          {t("terms.tag")}
        </label>
        <Input id={`${id}-tag`} value={value.tag} maxLength={160} onChange={(e) => onChange({ ...value, tag: e.target.value })} aria-invalid={error("tag") ? true : undefined} />
        {error("tag") ? <p className="text-sm text-danger">{error("tag")}</p> : compact ? null : <p className="text-sm text-muted">{t("terms.tagHint")}</p>}
      </div>
    </div>
  );
}
