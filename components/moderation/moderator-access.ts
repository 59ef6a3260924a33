/**
 * Who may open the moderation pages, for their server components: the signed-in reader with the
 * MODERATOR or ADMIN role. Signed-out readers are sent to sign in and come back; signed-in readers
 * without the role get the 403 view. The procedures check the role again (moderatorProcedure):
 * this only spares a page that could not load.
 */
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { createCaller } from "@/server/api/root.ts";
import { createContextFromHeaders } from "@/server/api/trpc.ts";
import { getCurrentUser } from "@/server/auth/current-user.ts";
import { isModerator } from "@/server/polls/visibility.ts";

export type ModeratorAccess = { allowed: true } | { allowed: false };

/** Redirects a signed-out reader to sign in (back to `returnTo`); says whether the reader may moderate. */
export async function moderatorAccess(returnTo: string): Promise<ModeratorAccess> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return { allowed: isModerator(user.role) };
}

/** True when the reader may moderate; for generateMetadata, which must not redirect. */
export async function mayModerate(): Promise<boolean> {
  const user = await getCurrentUser();
  return user !== null && isModerator(user.role);
}

/** A tRPC caller as the signed-in moderator of this request (session, language, address), once per request. */
export const moderationCaller = cache(async () => createCaller(await createContextFromHeaders(await headers())));
