/**
 * ADMIN_EMAILS: addresses listed there become ADMIN when they sign in (by any provider).
 * Granting only: removing an address from the list does not demote anyone; `npm run role` does.
 */
import type { Db } from "@/server/db/client.ts";
import { forgetSessionsOfUser } from "./session-cache.ts";

export function isAdminEmail(email: string | null | undefined, adminEmails: readonly string[]): boolean {
  if (!email) return false;
  const wanted = email.trim().toLowerCase();
  return adminEmails.some((admin) => admin.trim().toLowerCase() === wanted);
}

/** Makes the user ADMIN when their address is listed. Returns whether the role changed. */
export async function grantAdminIfListed(
  db: Db,
  user: { id: string; email?: string | null },
  adminEmails: readonly string[],
): Promise<boolean> {
  if (!isAdminEmail(user.email, adminEmails)) return false;
  const { count } = await db.user.updateMany({ where: { id: user.id, role: { not: "ADMIN" } }, data: { role: "ADMIN" } });
  if (count > 0) forgetSessionsOfUser(db, user.id);
  return count > 0;
}
