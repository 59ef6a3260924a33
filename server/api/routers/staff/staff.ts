/**
 * Staff: who moderates, and admins granting and removing the moderator role from the console.
 * An admin's role is never changed here (ADMIN_EMAILS and `npm run role` do that, on purpose
 * outside the web), nor one's own. The change is one conditional UPDATE (two admins at once make
 * one change and one audit entry), and the reader's kept sessions are forgotten so the new role
 * holds at their next request. Other app servers see it within the session cache's bound
 * (server/auth/session-cache.ts, 5 s).
 */
import { appError } from "@/server/api/errors.ts";
import type { RequestMeta } from "@/server/api/trpc.ts";
import { announceSessionsChangedSafely } from "@/server/auth/session-changes.ts";
import type { Db } from "@/server/db/client.ts";
import { appendModerationLog } from "@/server/moderation/audit-log.ts";
import type { StaffMember } from "./schemas.ts";

const memberSelect = { id: true, name: true, email: true, role: true, createdAt: true } as const;

export async function listStaff(db: Db): Promise<{ staff: StaffMember[] }> {
  const staff = await db.user.findMany({
    where: { role: { in: ["MODERATOR", "ADMIN"] } },
    select: memberSelect,
    orderBy: [{ role: "desc" }, { createdAt: "asc" }],
  });
  return { staff };
}

/** Accounts whose address contains `email` (any case), for granting the role; at most 10. */
export async function findByEmail(db: Db, email: string): Promise<{ users: StaffMember[] }> {
  const users = await db.user.findMany({
    where: { email: { contains: email, mode: "insensitive" } },
    select: memberSelect,
    orderBy: { email: "asc" },
    take: 10,
  });
  return { users };
}

export async function setStaffRole(
  db: Db,
  actorId: string,
  input: { userId: string; role: "USER" | "MODERATOR" },
  request: RequestMeta,
): Promise<StaffMember> {
  if (input.userId === actorId) throw appError("BAD_REQUEST", "staff.notYourself");
  const member = await db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: input.userId }, select: memberSelect });
    if (!target) throw appError("NOT_FOUND", "staff.userNotFound");
    if (target.role === "ADMIN") throw appError("FORBIDDEN", "staff.cannotChangeAdmin");
    if (target.role === input.role) return { member: target, changed: false };
    const { count } = await tx.user.updateMany({ where: { id: input.userId, role: target.role }, data: { role: input.role } });
    if (count === 0) return { member: (await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: memberSelect })), changed: false };
    await appendModerationLog(tx, [
      { actorId, action: "role", targetType: "user", targetId: input.userId, before: { role: target.role }, after: { role: input.role }, request },
    ]);
    return { member: { ...target, role: input.role }, changed: true };
  });
  if (member.changed) await announceSessionsChangedSafely(db, input.userId);
  return member.member;
}
