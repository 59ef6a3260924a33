/**
 * Granting roles by hand (`npm run role -- <email> <role>`): the one way to make a moderator, and
 * an admin besides ADMIN_EMAILS. Readers get an account by signing in once; this only changes it.
 */
import type { Db } from "./client.ts";
import { Role } from "./generated/enums.ts";
import { forgetSessionsOfUser } from "@/server/auth/session-cache.ts";

export const roles = Object.values(Role);

export class RoleChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RoleChangeError";
  }
}

export interface RoleChange {
  userId: string;
  email: string;
  name: string | null;
  previous: Role;
  role: Role;
}

/** Accepts any letter case ("admin"); anything else is refused with the list of roles. */
export function parseRole(input: string): Role {
  const role = roles.find((candidate) => candidate === input.trim().toUpperCase());
  if (!role) throw new RoleChangeError(`Unknown role "${input}". Use one of: ${roles.join(", ")}.`);
  return role;
}

export async function setRole(db: Db, emailInput: string, roleInput: string): Promise<RoleChange> {
  const role = parseRole(roleInput);
  const email = emailInput.trim();
  if (!email.includes("@")) throw new RoleChangeError(`"${emailInput}" is not an email address.`);
  // next-auth stores addresses lower-cased, but match any case so a typed capital still finds them.
  const user = await db.user.findFirst({
    where: { email: { equals: email, mode: "insensitive" } },
    select: { id: true, email: true, name: true, role: true, roleBeforeAdminGrant: true },
  });
  if (!user) {
    throw new RoleChangeError(`No user with the email ${email}. They must sign in once before they can be given a role.`);
  }
  if (user.role !== role || user.roleBeforeAdminGrant !== null) {
    // A role set by hand is the operator's (also ADMIN confirmed by hand): ADMIN_EMAILS will not
    // take it back (admin-grant.ts).
    await db.user.update({ where: { id: user.id }, data: { role, roleBeforeAdminGrant: null } });
    // Immediate in this process; other app servers hear of it from the caller (scripts/role.ts),
    // else within sessionCacheTtlMs.
    forgetSessionsOfUser(db, user.id);
  }
  return { userId: user.id, email: user.email ?? email, name: user.name, previous: user.role, role };
}
