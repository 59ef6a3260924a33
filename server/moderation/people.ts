/**
 * People (docs/moderation.md, "People"): sanctions — a warning to acknowledge, a suspension for a
 * chosen time, a ban — their lifting, a reader's record, and moderators' private notes.
 *
 * Moderators cannot act on administrators, nor anyone on themselves. A ban ends the reader's
 * sessions at once: their Session rows are deleted and this server's session cache forgets them
 * (other servers re-read their sessions within a second, session-cache.ts). Sanctions expire by
 * themselves: "in force" is computed from endsAt at every check (sanctions.ts), no job runs.
 * Every change is written to the audit log with the actor and the request.
 */
import { appError } from "@/server/api/errors.ts";
import type { RequestMeta } from "@/server/api/trpc.ts";
import type { z } from "zod";
import type { personOutput, sanctionInput, sanctionViewSchema } from "@/server/api/routers/moderation/schemas.ts";
import { announceSessionsChangedSafely } from "@/server/auth/session-changes.ts";
import type { Db } from "@/server/db/client.ts";
import type { Role } from "@/server/db/generated/enums.ts";
import { appendModerationLog } from "./audit-log.ts";
import { decideComments, type Moderator } from "./comment-decisions.ts";

type SanctionView = z.infer<typeof sanctionViewSchema>;

const sanctionSelect = {
  id: true,
  kind: true,
  reason: true,
  note: true,
  createdAt: true,
  createdById: true,
  endsAt: true,
  acknowledgedAt: true,
  liftedAt: true,
} as const;

function isActive(s: { kind: string; endsAt: Date | null; acknowledgedAt: Date | null; liftedAt: Date | null }, now: Date): boolean {
  if (s.liftedAt !== null) return false;
  if (s.endsAt !== null && s.endsAt.getTime() <= now.getTime()) return false;
  return s.kind !== "WARNING" || s.acknowledgedAt === null;
}

async function checkTarget(db: Db, actor: Moderator, userId: string, { allowSelf = false } = {}): Promise<{ role: Role }> {
  const target = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!target) throw appError("NOT_FOUND", "moderation.people.userNotFound");
  if (userId === actor.id && !allowSelf) throw appError("BAD_REQUEST", "moderation.people.notYourself");
  if (target.role === "ADMIN" && actor.role !== "ADMIN") throw appError("FORBIDDEN", "moderation.people.cannotActOnAdmin");
  return target;
}

export async function sanctionUser(
  db: Db,
  actor: Moderator,
  input: z.output<typeof sanctionInput>,
  { request, now = new Date() }: { request: RequestMeta; now?: Date },
): Promise<SanctionView> {
  await checkTarget(db, actor, input.userId);
  const kind = input.kind === "warning" ? "WARNING" : input.kind === "suspension" ? "SUSPENSION" : "BAN";
  const endsAt = kind === "SUSPENSION" ? new Date(now.getTime() + input.durationHours! * 3_600_000) : null;
  const sanction = await db.$transaction(async (tx) => {
    const created = await tx.sanction.create({
      data: { userId: input.userId, kind, reason: input.reason, note: input.note || null, createdById: actor.id, createdAt: now, endsAt },
      select: sanctionSelect,
    });
    if (kind === "BAN") await tx.session.deleteMany({ where: { userId: input.userId } });
    await appendModerationLog(tx, [
      {
        actorId: actor.id,
        action: input.kind,
        targetType: "user",
        targetId: input.userId,
        reason: input.reason,
        note: input.note || null,
        after: { sanctionId: created.id, kind, endsAt: endsAt?.toISOString() ?? null, rejectComments: input.rejectComments ?? false },
        request,
        at: now,
      },
    ]);
    return created;
  });
  if (kind === "BAN") {
    await announceSessionsChangedSafely(db, input.userId);
    if (input.rejectComments) {
      const comments = await db.comment.findMany({ where: { authorId: input.userId, status: { in: ["VISIBLE", "HELD"] } }, select: { id: true } });
      if (comments.length > 0) await decideComments(db, actor, comments.map((c) => c.id), { action: "reject", reason: "other", note: input.reason }, { request, now });
    }
  }
  return toView(sanction, null, now);
}

export async function liftSanction(db: Db, actor: Moderator, sanctionId: string, { request, now = new Date() }: { request: RequestMeta; now?: Date }): Promise<SanctionView> {
  const current = await db.sanction.findUnique({ where: { id: sanctionId }, select: { userId: true } });
  if (!current) throw appError("NOT_FOUND", "moderation.people.sanctionNotFound");
  await checkTarget(db, actor, current.userId);
  const lifted = await db.$transaction(async (tx) => {
    // Conditional: two moderators lifting at once lift it once.
    const changed = await tx.sanction.updateMany({ where: { id: sanctionId, liftedAt: null }, data: { liftedAt: now, liftedById: actor.id } });
    if (changed.count !== 1) throw appError("BAD_REQUEST", "moderation.people.sanctionNotFound");
    await appendModerationLog(tx, [{ actorId: actor.id, action: "lift", targetType: "user", targetId: current.userId, after: { sanctionId }, request, at: now }]);
    return tx.sanction.findUniqueOrThrow({ where: { id: sanctionId }, select: sanctionSelect });
  });
  return toView(lifted, null, now);
}

/** me.acknowledgeWarning: the reader read their warnings; they may post again. */
export async function acknowledgeWarnings(db: Db, userId: string, now = new Date()): Promise<{ acknowledged: number }> {
  const { count } = await db.sanction.updateMany({ where: { userId, kind: "WARNING", acknowledgedAt: null, liftedAt: null }, data: { acknowledgedAt: now } });
  return { acknowledged: count };
}

/** The reader's own sanctions in force, for their account page (never the private note). */
export async function mySanctions(db: Db, userId: string, now = new Date()) {
  const rows = await db.sanction.findMany({ where: { userId, liftedAt: null }, orderBy: { createdAt: "desc" }, select: sanctionSelect, take: 20 });
  return rows.filter((s) => isActive(s, now)).map((s) => ({ id: s.id, kind: s.kind.toLowerCase() as SanctionView["kind"], reason: s.reason, createdAt: s.createdAt, endsAt: s.endsAt }));
}

export async function addModeratorNote(db: Db, actor: Moderator, userId: string, body: string, request: RequestMeta) {
  await checkTarget(db, actor, userId, { allowSelf: true });
  const note = await db.$transaction(async (tx) => {
    const created = await tx.moderatorNote.create({ data: { userId, authorId: actor.id, body }, select: { id: true, createdAt: true } });
    await appendModerationLog(tx, [{ actorId: actor.id, action: "note", targetType: "user", targetId: userId, after: { noteId: created.id }, request }]);
    return created;
  });
  return { id: note.id, createdAt: note.createdAt };
}

/** A reader's record for the console's People view: counts, sanctions, notes. Never ballots. */
export async function personRecord(db: Db, userId: string, now = new Date()): Promise<z.infer<typeof personOutput>> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, createdAt: true } });
  if (!user) throw appError("NOT_FOUND", "moderation.people.userNotFound");
  const [counts, sanctions, notes] = await Promise.all([
    db.$queryRaw<{ commentCount: number; rejectedCount: number; heldCount: number; open: number; upheld: number; dismissed: number }[]>`
      SELECT (SELECT count(*)::int FROM "Comment" WHERE "authorId" = ${userId}) AS "commentCount",
             (SELECT count(*)::int FROM "Comment" WHERE "authorId" = ${userId} AND status = 'REMOVED' AND "moderatedById" IS NOT NULL) AS "rejectedCount",
             (SELECT count(*)::int FROM "Comment" WHERE "authorId" = ${userId} AND status = 'HELD') AS "heldCount",
             (SELECT count(*)::int FROM "Report" WHERE "reporterId" = ${userId} AND status = 'OPEN') AS open,
             (SELECT count(*)::int FROM "Report" WHERE "reporterId" = ${userId} AND status = 'UPHELD') AS upheld,
             (SELECT count(*)::int FROM "Report" WHERE "reporterId" = ${userId} AND status = 'DISMISSED') AS dismissed`,
    db.sanction.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: sanctionSelect, take: 100 }),
    db.moderatorNote.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 100, select: { id: true, body: true, authorId: true, createdAt: true } }),
  ]);
  const peopleIds = [...new Set([...sanctions.map((s) => s.createdById), ...notes.map((n) => n.authorId)].filter((id): id is string => id !== null))];
  const names = new Map((await db.user.findMany({ where: { id: { in: peopleIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const c = counts[0]!;
  return {
    user: { id: user.id, name: user.name, role: user.role.toLowerCase() as "user" | "moderator" | "admin", joinedAt: user.createdAt },
    commentCount: c.commentCount,
    rejectedCount: c.rejectedCount,
    heldCount: c.heldCount,
    reportsMade: { open: c.open, upheld: c.upheld, dismissed: c.dismissed },
    sanctions: sanctions.map((s) => toView(s, s.createdById === null ? null : { id: s.createdById, name: names.get(s.createdById) ?? null }, now)),
    notes: notes.map((n) => ({ id: n.id, body: n.body, author: n.authorId === null ? null : { id: n.authorId, name: names.get(n.authorId) ?? null }, createdAt: n.createdAt })),
  };
}

function toView(
  s: { id: string; kind: string; reason: string; note: string | null; createdAt: Date; createdById: string | null; endsAt: Date | null; acknowledgedAt: Date | null; liftedAt: Date | null },
  createdBy: { id: string; name: string | null } | null,
  now: Date,
): SanctionView {
  return {
    id: s.id,
    kind: s.kind.toLowerCase() as SanctionView["kind"],
    reason: s.reason,
    note: s.note,
    createdAt: s.createdAt,
    createdBy: createdBy ?? (s.createdById === null ? null : { id: s.createdById, name: null }),
    endsAt: s.endsAt,
    acknowledgedAt: s.acknowledgedAt,
    liftedAt: s.liftedAt,
    active: isActive(s, now),
  };
}
