/**
 * zod schemas of watchedWords.* (docs/watched-words-admin.md): the contract between the server and
 * the page at /moderate/words. Term and phrase inputs are the matcher's own schemas
 * (server/moderation/watched-words/schemas.ts), so the console, the import and the pipeline agree
 * on what a valid term is. Messages are keys of messages/<locale>/errors.json.
 */
import { z } from "zod";
import {
  allowPhraseInput,
  watchedActionSchema,
  watchedFieldSchema,
  watchedTermInput,
} from "@/server/moderation/watched-words/index.ts";

const idSchema = z.string().min(1).max(64);

export const termIdInput = z.object({ id: idSchema }).strict();
export const addTermInput = watchedTermInput.strict();
export const updateTermInput = watchedTermInput.extend({ id: idSchema }).strict();
export const addAllowPhraseInput = z.object({ phrase: allowPhraseInput }).strict();

/** A whole list as text (one term per line); the parser bounds it again by its own measure. */
const watchListText = z.string().max(2_000_000, { message: "watchedWords.importTooLarge" });
export const importModeSchema = z.enum(["merge", "replace"]);
export type ImportMode = z.infer<typeof importModeSchema>;

export const importInput = z.object({ text: watchListText, mode: importModeSchema }).strict();

/** The longest sentence "try a sentence" takes: a long comment. */
export const maxTryLength = 10_000;

export const tryInput = z
  .object({
    text: z
      .string()
      .max(maxTryLength, { message: "watchedWords.textTooLong" })
      .refine((s) => s.trim().length > 0, { message: "watchedWords.textEmpty" }),
    field: watchedFieldSchema.default("body"),
    /** Try against the stored list as this unsaved import would leave it, instead of the stored list. */
    draft: z.object({ text: watchListText, mode: importModeSchema }).strict().optional(),
  })
  .strict();

export const termViewSchema = z.object({
  id: z.string(),
  term: z.string(),
  action: watchedActionSchema,
  fields: z.array(watchedFieldSchema),
  tag: z.string().nullable(),
  updatedAt: z.date(),
});
export type TermView = z.infer<typeof termViewSchema>;

export const allowPhraseViewSchema = z.object({ id: z.string(), phrase: z.string() });

export const listOutput = z.object({
  terms: z.array(termViewSchema),
  allowList: z.array(allowPhraseViewSchema),
  limits: z.object({ maxTerms: z.number(), maxAllowPhrases: z.number() }),
});

export const removedOutput = z.object({ removed: z.literal(true) });

/** A refused line of an import, its message translated. */
export const lineErrorSchema = z.object({ line: z.number().int(), message: z.string() });

export const importOutput = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), added: z.number(), updated: z.number(), removed: z.number(), total: z.number() }),
  z.object({ ok: z.literal(false), message: z.string(), errors: z.array(lineErrorSchema) }),
]);

export const exportOutput = z.object({ text: z.string(), count: z.number() });

export const tryMatchSchema = z.object({
  termId: z.string(),
  term: z.string(),
  action: watchedActionSchema,
  tag: z.string().nullable(),
  /** Offsets into the text as sent (UTF-16 units, end exclusive): text.slice(start, end). */
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
});

export const tryOutput = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), matches: z.array(tryMatchSchema), action: watchedActionSchema.nullable() }),
  /** The draft list has bad lines: nothing tried. */
  z.object({ ok: z.literal(false), message: z.string(), errors: z.array(lineErrorSchema) }),
]);
