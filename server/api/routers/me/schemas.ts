import { z } from "zod";
import { locales } from "@/server/i18n/locales.ts";

/** Control characters (C0, C1), zero-width and other invisible format characters. */
const invisibleCharacters = /[\p{Cc}\p{Cf}\u2028\u2029\u3164\uFFA0\u115F\u1160]/u;

export const displayNameSchema = z
  .string()
  // Checked before trimming: String.prototype.trim() also strips U+FEFF and line breaks, which
  // would otherwise slip through unnoticed instead of getting their own message.
  .refine((value) => !invisibleCharacters.test(value), { message: "displayName.invisible" })
  .transform((value) => value.normalize("NFC").trim())
  .refine((value) => [...value].length >= 2, { message: "displayName.tooShort" })
  .refine((value) => [...value].length <= 32, { message: "displayName.tooLong" });

export const updateMeInput = z
  .object({
    name: displayNameSchema.optional(),
    locale: z.enum(locales, { message: "locale.invalid" }).optional(),
    /** Show my answer to the essay's main poll as a badge on my comments (public when on). */
    showPollBadge: z.boolean().optional(),
  })
  .strict();

export type UpdateMeInput = z.infer<typeof updateMeInput>;

export const meOutput = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    role: z.enum(["USER", "MODERATOR", "ADMIN"]),
    locale: z.enum(locales).nullable(),
    showPollBadge: z.boolean(),
  })
  .nullable();

/** me.signOutEverywhere: how many sessions ended (this one included). */
export const signOutEverywhereOutput = z.object({ ended: z.number().int().min(0) });

/** me.sanctions: the reader's sanctions in force (docs/moderation.md, "People"). */
export const mySanctionsOutput = z.array(
  z.object({ id: z.string(), kind: z.enum(["warning", "suspension", "ban"]), reason: z.string(), createdAt: z.date(), endsAt: z.date().nullable() }),
);

/**
 * The phrase a reader types to delete their account: their email address (what they sign in
 * with, and nothing a stray click or an autofill types), or 删除 / DELETE for an account without one.
 */
export function accountDeletionPhrase(email: string | null, locale: (typeof locales)[number]): string {
  return email ?? (locale === "zh" ? "删除" : "DELETE");
}

/** me.deleteAccount: the typed phrase; compared with the reader's own by `deletionConfirmation`. */
export const deleteAccountInput = z
  .object({ confirmation: z.string({ message: "account.confirmationMissing" }).max(400, { message: "account.confirmationMismatch" }) })
  .strict();

/** The check of the typed phrase, once the server knows whose account it is (case and spaces aside). */
export const deletionConfirmation = (phrase: string) =>
  z
    .string()
    .transform((value) => value.normalize("NFKC").trim().toLowerCase())
    .refine((value) => value.length > 0, { message: "account.confirmationMissing" })
    .refine((value) => value === phrase.normalize("NFKC").trim().toLowerCase(), { message: "account.confirmationMismatch" });
