/**
 * Form fields: a labelled input or select with its hint and error wired to aria-describedby, so
 * screen readers read them with the field. Server-safe; ids are derived from the `id` prop.
 */
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { cx } from "./cx.ts";

const control =
  "block w-full rounded-xl border border-line bg-surface px-3.5 text-base text-fg placeholder:text-subtle " +
  "transition-colors hover:border-subtle focus-visible:border-focus focus-visible:outline-2 focus-visible:outline-offset-0 " +
  "aria-invalid:border-danger disabled:opacity-60";

export const inputClasses = cx(control, "h-11");
/** A multi-line field: the same look, growing with its rows. */
export const textAreaClasses = cx(control, "min-h-20 resize-y py-2 leading-relaxed");

export function Input({ className, ...rest }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cx(inputClasses, className)} {...rest} />;
}

export function Select({ className, children, ...rest }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select className={cx(control, "h-11 appearance-auto pr-8", className)} {...rest}>
      {children}
    </select>
  );
}

interface FieldChrome {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** An error message for this field; marks the control aria-invalid. */
  error?: ReactNode;
  className?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldFrame({ id, label, hint, error, className, children }: FieldChrome & { children: ReactNode }) {
  return (
    <div className={cx("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium text-fg">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export type TextFieldProps = FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className">;

export function TextField({ id, label, hint, error, className, ...input }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <Input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
    </FieldFrame>
  );
}

export type SelectFieldProps = FieldChrome & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "className">;

export function SelectField({ id, label, hint, error, className, children, ...select }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <Select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...select}>
        {children}
      </Select>
    </FieldFrame>
  );
}
