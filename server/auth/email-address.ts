/**
 * The one definition of an acceptable sign-in address: trimmed, lower-cased, at most 254
 * characters (RFC 5321's path limit), and shaped like name@domain.tld. Messages are keys of
 * messages/<locale>/auth.json ("validation.*").
 */
import { z } from "zod";

export const emailAddressSchema = z
  .string({ message: "validation.emailRequired" })
  .trim()
  .toLowerCase()
  .min(1, { message: "validation.emailRequired" })
  .max(254, { message: "validation.emailTooLong" })
  // The local part has its own limit of 64 (RFC 5321 §4.5.3.1.1).
  .refine((value) => (value.split("@")[0] ?? "").length <= 64, { message: "validation.emailInvalid" })
  .pipe(z.email({ message: "validation.emailInvalid" }));

export type EmailValidationKey = "validation.emailRequired" | "validation.emailTooLong" | "validation.emailInvalid";

export type ParsedEmail = { ok: true; email: string } | { ok: false; key: EmailValidationKey };

export function parseEmailAddress(input: unknown): ParsedEmail {
  const result = emailAddressSchema.safeParse(input);
  if (result.success) return { ok: true, email: result.data };
  const message = result.error.issues[0]?.message;
  const key: EmailValidationKey =
    message === "validation.emailRequired" || message === "validation.emailTooLong" ? message : "validation.emailInvalid";
  return { ok: false, key };
}
