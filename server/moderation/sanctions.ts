/**
 * Sanctions in force, for every write a sanctioned reader may not make (comment, vote, report,
 * ballot change): a ban or a suspension refuses with its reason and end; a warning refuses until
 * it is acknowledged (me.acknowledgeWarning). The comment pipeline reads the same facts in its one
 * statement (writer-record.ts) and refuses through `sanctionRefusal` too.
 */
import type { TRPCError } from "@trpc/server";
import { appError } from "@/server/api/errors.ts";
import type { Db } from "@/server/db/client.ts";
import { Prisma } from "@/server/db/generated/client.ts";
import type { ActiveSanction } from "./writer-record.ts";

/** The strongest sanction in force (ban > suspension > unacknowledged warning), as one SQL expression over `userId`. */
export function activeSanctionSql(userId: Prisma.Sql, now: Date): Prisma.Sql {
  return Prisma.sql`(SELECT json_build_object('id', x.id, 'kind', x.kind, 'reason', x.reason, 'endsAt', x."endsAt", 'acknowledgedAt', x."acknowledgedAt")
     FROM "Sanction" x
     WHERE x."userId" = ${userId} AND x."liftedAt" IS NULL
       AND (x."endsAt" IS NULL OR x."endsAt" > ${now})
       AND (x.kind <> 'WARNING' OR x."acknowledgedAt" IS NULL)
     ORDER BY CASE x.kind WHEN 'BAN' THEN 0 WHEN 'SUSPENSION' THEN 1 ELSE 2 END, x."createdAt" DESC LIMIT 1)`;
}

interface SanctionJson {
  id: string;
  kind: ActiveSanction["kind"];
  reason: string;
  endsAt: string | null;
  acknowledgedAt: string | null;
}

/** json_build_object writes a timestamp without its zone: Prisma's are UTC. */
const utc = (value: string | null) => (value === null ? null : new Date(/Z|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`));

export function sanctionFromJson(json: SanctionJson | null): ActiveSanction | null {
  return json && { ...json, endsAt: utc(json.endsAt), acknowledgedAt: utc(json.acknowledgedAt) };
}

export async function activeSanction(db: Db | Prisma.TransactionClient, userId: string, now = new Date()): Promise<ActiveSanction | null> {
  const [row] = await db.$queryRaw<{ sanction: SanctionJson | null }[]>`SELECT ${activeSanctionSql(Prisma.sql`${userId}`, now)} AS sanction`;
  return sanctionFromJson(row?.sanction ?? null);
}

/** "2026-12-08 14:00 UTC": unambiguous for every reader whatever their zone. */
export function formatUntil(date: Date | null): string {
  return date === null ? "—" : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function sanctionRefusal(sanction: ActiveSanction): TRPCError {
  switch (sanction.kind) {
    case "WARNING":
      return appError("FORBIDDEN", "moderation.sanctions.warningUnacknowledged", { reason: sanction.reason });
    case "BAN":
      return appError("FORBIDDEN", "moderation.sanctions.banned", { reason: sanction.reason });
    case "SUSPENSION":
      return appError("FORBIDDEN", "moderation.sanctions.suspended", { reason: sanction.reason, until: formatUntil(sanction.endsAt) });
  }
}

/** For writes outside the comment pipeline: throws the sanction's refusal. */
export async function refuseIfSanctioned(db: Db | Prisma.TransactionClient, userId: string, now = new Date()): Promise<void> {
  const sanction = await activeSanction(db, userId, now);
  if (sanction) throw sanctionRefusal(sanction);
}
