/**
 * Errors a procedure throws on purpose. The message is a key of messages/<locale>/errors.json;
 * the error formatter (server/api/trpc.ts) turns it into the reader's language.
 */
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import type { ErrorKey } from "@/server/i18n/error-messages.ts";

export class UserFacingError extends Error {
  constructor(
    public readonly key: ErrorKey,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = "UserFacingError";
  }
}

export function appError(code: TRPC_ERROR_CODE_KEY, key: ErrorKey, params?: Record<string, string | number>): TRPCError {
  return new TRPCError({ code, message: key, cause: new UserFacingError(key, params) });
}
