/** me.deleteAccount: the typed phrase checked, then server/account/delete-account.ts. */
import { TRPCError } from "@trpc/server";
import { ZodRealError } from "zod";
import type { Context } from "@/server/api/trpc.ts";
import type { SessionUser } from "@/server/auth/session-user.ts";
import { deleteAccount } from "@/server/account/delete-account.ts";
import { accountDeletionPhrase, deletionConfirmation } from "./schemas.ts";

export async function deleteMyAccount(ctx: Context & { user: SessionUser }, input: { confirmation: string }): Promise<{ deleted: true }> {
  const phrase = accountDeletionPhrase(ctx.user.email ?? null, ctx.locale);
  const checked = deletionConfirmation(phrase).safeParse(input.confirmation);
  if (!checked.success) {
    // A field error, so the dialog shows it under the box (the error formatter translates it).
    throw new TRPCError({ code: "BAD_REQUEST", message: "confirmation", cause: new ZodRealError(checked.error.issues.map((issue) => ({ ...issue, path: ["confirmation"] }))) });
  }
  await deleteAccount(ctx.db, ctx.user, { request: ctx.request });
  return { deleted: true };
}
