/**
 * ADMIN_EMAILS: checked at every sign-in (any provider). An address on the list becomes ADMIN; an
 * address taken off the list loses the ADMIN role the list gave it, at its next sign-in.
 *
 * Only a role the list gave is taken back. How we tell: when the list makes someone ADMIN, the role
 * they had is kept in `roleBeforeAdminGrant`; while that is set, ADMIN is the list's doing, and
 * leaving the list gives that role back. An ADMIN made by `npm run role` has it null (setRole clears
 * it: a role set by hand is the operator's, not the list's) and keeps the role whatever the list
 * says; so do admins granted by the list before this was recorded (demote them with `npm run role`).
 */
import type { Db } from "@/server/db/client.ts";
import { forgetSessionsOfUser } from "./session-cache.ts";

export function isAdminEmail(email: string | null | undefined, adminEmails: readonly string[]): boolean {
  if (!email) return false;
  const wanted = email.trim().toLowerCase();
  return adminEmails.some((admin) => admin.trim().toLowerCase() === wanted);
}

export type AdminGrantChange = "granted" | "revoked" | null;

/** Brings the user's role in line with ADMIN_EMAILS, as above. Returns what changed, if anything. */
export async function syncAdminGrant(
  db: Db,
  user: { id: string; email?: string | null },
  adminEmails: readonly string[],
): Promise<AdminGrantChange> {
  const change = isAdminEmail(user.email, adminEmails) ? await grant(db, user.id) : await revoke(db, user.id);
  if (change) forgetSessionsOfUser(db, user.id);
  return change;
}

async function grant(db: Db, userId: string): Promise<AdminGrantChange> {
  // One statement, so the role recorded is the one replaced even if it changes meanwhile.
  const count = await db.$executeRaw`
    UPDATE "User" SET "roleBeforeAdminGrant" = role, role = 'ADMIN', "updatedAt" = now()
    WHERE id = ${userId} AND role <> 'ADMIN'`;
  return count > 0 ? "granted" : null;
}

async function revoke(db: Db, userId: string): Promise<AdminGrantChange> {
  const count = await db.$executeRaw`
    UPDATE "User" SET role = "roleBeforeAdminGrant", "roleBeforeAdminGrant" = NULL, "updatedAt" = now()
    WHERE id = ${userId} AND role = 'ADMIN' AND "roleBeforeAdminGrant" IS NOT NULL`;
  return count > 0 ? "revoked" : null;
}
