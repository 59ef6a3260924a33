/**
 * zod schemas for what an admin submits: a term and an allow phrase. Messages are message-catalog
 * keys (the console translates them; docs/watched-words.md lists them), as in the other schemas.
 *
 * The raw string is bounded before anything else, so a hostile request is never trimmed or
 * normalized at any size; the real bound is then checked in code points, and the term must keep
 * at least one letter after normalization ("!!!" or a zero-width space alone would match nothing).
 */
import { z } from "zod";
import { watchListLimits } from "./limits.ts";
import { normalizeTerm } from "./normalize.ts";
import { maxKeyUnits } from "./watch-list.ts";
import { watchedActions, watchedFields, type WatchedField } from "./types.ts";

function phraseSchema(prefix: "watchedWords.term" | "watchedWords.allowPhrase") {
  return z
    .string()
    .max(watchListLimits.maxTermLength * 4, { message: `${prefix}TooLong` })
    .trim()
    .min(1, { message: `${prefix}Empty` })
    .refine((s) => [...s].length <= watchListLimits.maxTermLength, { message: `${prefix}TooLong` })
    .refine((s) => !/[\t\r\n]/.test(s), { message: `${prefix}HasLineBreak` })
    .refine((s) => normalizeTerm(s).length > 0, { message: `${prefix}HasNoLetters` })
    .refine((s) => normalizeTerm(s).length <= maxKeyUnits, { message: `${prefix}TooLong` });
}

export const watchedActionSchema = z.enum(watchedActions, { message: "watchedWords.actionUnknown" });
export const watchedFieldSchema = z.enum(watchedFields, { message: "watchedWords.fieldUnknown" });

export const watchedTermInput = z.object({
  term: phraseSchema("watchedWords.term"),
  action: watchedActionSchema,
  /** At least one field; duplicates dropped, in the canonical order body, displayName, link. */
  fields: z
    .array(watchedFieldSchema)
    .min(1, { message: "watchedWords.fieldsEmpty" })
    .max(watchedFields.length * 2, { message: "watchedWords.fieldUnknown" })
    .transform((fields): WatchedField[] => watchedFields.filter((f) => fields.includes(f))),
  /** A free label for grouping in the console ("spam", "slur"); empty means none. */
  tag: z
    .string()
    .max(watchListLimits.maxTagLength * 4, { message: "watchedWords.tagTooLong" })
    .trim()
    .refine((s) => [...s].length <= watchListLimits.maxTagLength, { message: "watchedWords.tagTooLong" })
    .refine((s) => !/[\t\r\n]/.test(s), { message: "watchedWords.tagHasLineBreak" })
    .nullish()
    .transform((tag) => (tag ? tag : null)),
});
export type WatchedTermInput = z.infer<typeof watchedTermInput>;

export const allowPhraseInput = phraseSchema("watchedWords.allowPhrase");
