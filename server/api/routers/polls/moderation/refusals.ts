/**
 * Refusals of the moderation procedures. A refusal about one field of a form is a zod error with
 * that field's path, like tRPC's own input checks, so the error formatter (server/api/trpc.ts)
 * puts its translated message in `fieldErrors` and the form shows it under that field.
 */
import { TRPCError } from "@trpc/server";
import { ZodRealError } from "zod";
import type { ErrorKey } from "@/server/i18n/error-messages.ts";

export function fieldRefusal(path: PropertyKey[], key: ErrorKey): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message: key, cause: new ZodRealError([{ code: "custom", path, message: key, input: undefined }]) });
}

/** True for a unique-constraint violation (a concurrent moderator took the same key). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
