/**
 * Refusals of the moderation procedures. A refusal about one field of a form is sent the way zod's
 * are (a ZodError cause), so the error formatter puts its translated message in `fieldErrors` and
 * the form shows it under that field.
 */
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { ErrorKey } from "@/server/i18n/error-messages.ts";

export function fieldRefusal(path: PropertyKey[], key: ErrorKey): TRPCError {
  const error = new TRPCError({ code: "BAD_REQUEST", message: key });
  // Set after construction: a zod 4 ZodError is not `instanceof Error`, so TRPCError's constructor
  // would wrap it in a plain error and the formatter would not see its field.
  Object.defineProperty(error, "cause", { value: new ZodError([{ code: "custom", path, message: key, input: undefined }]), configurable: true, writable: true });
  return error;
}

/** True for a unique-constraint violation (a concurrent moderator took the same key). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
