/**
 * What the server said about a form: the translated message per field (the error formatter's
 * fieldErrors, keyed by path such as "options.1.label.en") and a message for the whole form.
 */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: unknown): FieldErrors {
  return (error as { data?: { fieldErrors?: FieldErrors } } | null)?.data?.fieldErrors ?? {};
}

/** The message for the form as a whole: only when no field took it. */
export function formErrorOf(error: unknown, fallback: string): string | null {
  if (Object.keys(fieldErrorsOf(error)).length > 0) return null;
  return error instanceof Error && error.message ? error.message : fallback;
}

/** The first message at `path` or under it ("options" also finds "options.0"), for a group of fields. */
export function errorUnder(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const key = Object.keys(errors).find((field) => field.startsWith(`${path}.`));
  return key ? errors[key] : undefined;
}
