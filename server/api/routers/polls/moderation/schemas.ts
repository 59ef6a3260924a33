/**
 * zod input and output schemas of the moderators' poll procedures (polls.moderation.*), shared
 * with the moderation forms. Messages are keys of messages/<locale>/errors.json, so a refusal
 * arrives translated and attached to its field (the error formatter's fieldErrors).
 */
import { z } from "zod";
import { slugSchema } from "@/server/api/routers/essay/schemas.ts";
import { pollPlacements } from "@/server/polls/moderation/placements.ts";
import { normalizePollWording } from "@/server/polls/moderation/wording.ts";
import { pollOptionLimits } from "@/server/polls/rules.ts";

const idSchema = z.string().min(1).max(64);

/**
 * Wording is hostile input like any other: one line, no control characters, shown as text; stored as
 * typed but for invisible and bidi-override characters, which are removed as from comment bodies
 * (server/polls/moderation/wording.ts) before the blank check and the distinct-label check, so
 * "Yes" and "Ye\u200Bs" are the same label and a label of zero-width spaces is blank.
 */
export const wordingMaxLength = 300;
const controlCharacters = /[\u0000-\u001f\u007f]/;
const wordingText = (requiredKey: string) =>
  z
    .string()
    .max(wordingMaxLength, { message: "moderation.polls.textTooLong" })
    .refine((text) => !controlCharacters.test(text), { message: "moderation.polls.controlCharacters" })
    .transform(normalizePollWording)
    .refine((text) => text.trim().length > 0, { message: requiredKey });

export const questionSchema = z.object({ zh: wordingText("moderation.polls.questionRequired"), en: wordingText("moderation.polls.questionRequired") }).strict();
export const labelSchema = z.object({ zh: wordingText("moderation.polls.labelRequired"), en: wordingText("moderation.polls.labelRequired") }).strict();

export const pollKeyPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const pollKeySchema = z.string().max(64, { message: "moderation.polls.keyInvalid" }).regex(pollKeyPattern, { message: "moderation.polls.keyInvalid" });

const kindSchema = z.enum(["SINGLE", "MULTIPLE"]);
export const visibilitySchema = z.enum(["ALWAYS", "AFTER_VOTING", "AFTER_CLOSING", "MODERATORS"]);
const placementSchema = z.enum(pollPlacements, { message: "moderation.polls.badPlacement" });

/** Two labels are "the same" when they differ only in case or surrounding space. */
export const labelIdentity = (label: string) => label.trim().toLocaleLowerCase("en");

/** Adds an issue at options.<i>.label.<lang> for every label that repeats an earlier (or an `existing`) one. */
export function checkDistinctLabels(
  labels: { zh: string; en: string }[],
  ctx: z.RefinementCtx,
  path: (index: number) => PropertyKey[],
  existing: { zh: string; en: string }[] = [],
): void {
  for (const lang of ["zh", "en"] as const) {
    const seen = new Set(existing.map((label) => labelIdentity(label[lang])));
    labels.forEach((label, index) => {
      const identity = labelIdentity(label[lang]);
      if (seen.has(identity)) ctx.addIssue({ code: "custom", message: "moderation.polls.duplicateLabel", path: [...path(index), "label", lang] });
      seen.add(identity);
    });
  }
}

const newOptionsSchema = z
  .array(z.object({ label: labelSchema }).strict())
  .min(pollOptionLimits.min, { message: "moderation.polls.tooFewOptions" })
  .max(pollOptionLimits.max, { message: "moderation.polls.tooManyOptions" });

export const listInput = z.object({ slug: slugSchema.optional() }).strict().optional();
export const pollIdInput = z.object({ pollId: idSchema }).strict();

export const createInput = z
  .object({
    /** The essay; the default essay without one. */
    slug: slugSchema.optional(),
    /** Generated from the English question when absent. */
    key: pollKeySchema.optional(),
    question: questionSchema,
    kind: kindSchema,
    maxChoices: z.number().int().min(1).max(pollOptionLimits.max),
    options: newOptionsSchema,
    /** Now when absent. */
    opensAt: z.date().optional(),
    closesAt: z.date().nullable().optional(),
    resultsVisibility: visibilitySchema,
    allowChange: z.boolean(),
    placements: z.array(placementSchema).max(pollPlacements.length),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.kind === "SINGLE" && input.maxChoices !== 1) ctx.addIssue({ code: "custom", message: "moderation.polls.maxChoicesSingle", path: ["maxChoices"] });
    if (input.kind === "MULTIPLE" && (input.maxChoices < 2 || input.maxChoices > input.options.length)) {
      ctx.addIssue({ code: "custom", message: "moderation.polls.maxChoicesRange", path: ["maxChoices"] });
    }
    if (new Set(input.placements).size !== input.placements.length) ctx.addIssue({ code: "custom", message: "moderation.polls.duplicatePlacement", path: ["placements"] });
    if (input.closesAt && input.opensAt && input.closesAt <= input.opensAt) {
      ctx.addIssue({ code: "custom", message: "moderation.polls.closesBeforeOpens", path: ["closesAt"] });
    }
    checkDistinctLabels(
      input.options.map((option) => option.label),
      ctx,
      (index) => ["options", index],
    );
  });
export type CreatePollInput = z.infer<typeof createInput>;

/**
 * The poll's wording: the question, and its options in their new order with their labels. An
 * option left out is removed, which the handler allows only while nobody has voted.
 */
export const updateWordingInput = z
  .object({
    pollId: idSchema,
    question: questionSchema,
    options: z
      .array(z.object({ id: idSchema, label: labelSchema }).strict())
      .min(pollOptionLimits.min, { message: "moderation.polls.tooFewOptions" })
      .max(pollOptionLimits.max, { message: "moderation.polls.tooManyOptions" }),
  })
  .strict()
  .superRefine((input, ctx) => {
    const ids = input.options.map((option) => option.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", message: "moderation.polls.duplicateOption", path: ["options"] });
    checkDistinctLabels(
      input.options.map((option) => option.label),
      ctx,
      (index) => ["options", index],
    );
  });
export type UpdateWordingInput = z.infer<typeof updateWordingInput>;

export const addOptionsInput = z
  .object({
    pollId: idSchema,
    options: z
      .array(z.object({ key: pollKeySchema.optional(), label: labelSchema }).strict())
      .min(1)
      .max(pollOptionLimits.max, { message: "moderation.polls.tooManyOptions" }),
  })
  .strict()
  .superRefine((input, ctx) => {
    checkDistinctLabels(
      input.options.map((option) => option.label),
      ctx,
      (index) => ["options", index],
    );
  });
export type AddOptionsInput = z.infer<typeof addOptionsInput>;

/** Reopen: no closing time (open for good) or a new one in the future. */
export const reopenInput = z.object({ pollId: idSchema, closesAt: z.date().nullable() }).strict();
export const setVisibilityInput = z.object({ pollId: idSchema, resultsVisibility: visibilitySchema }).strict();
export const setAllowChangeInput = z.object({ pollId: idSchema, allowChange: z.boolean() }).strict();

const textSchema = z.object({ zh: z.string(), en: z.string() });

/** A poll as moderators see it: settings, state and counts (never ballots). */
export const moderatedPollSchema = z.object({
  id: z.string(),
  key: z.string(),
  question: textSchema,
  kind: kindSchema,
  maxChoices: z.number().int(),
  opensAt: z.date(),
  closesAt: z.date().nullable(),
  state: z.enum(["upcoming", "open", "closed"]),
  resultsVisibility: visibilitySchema,
  allowChange: z.boolean(),
  placements: z.array(z.string()),
  voterCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  options: z.array(z.object({ id: z.string(), key: z.string(), label: textSchema, votes: z.number().int() })),
});
export type ModeratedPoll = z.infer<typeof moderatedPollSchema>;

export const listOutput = z.object({
  essay: z.object({ slug: z.string(), title: z.string() }),
  polls: z.array(moderatedPollSchema),
});
export type ModeratedPollList = z.infer<typeof listOutput>;
