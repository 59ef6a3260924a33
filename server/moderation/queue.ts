/**
 * The moderation queues (docs/moderation.md, "Queues"): one keyset page of comments, then
 * everything a moderator needs to decide each one, in a fixed number of queries whatever the page
 * size: the rows with essay, parent excerpt, author, decider and claim (one), the automatic
 * decisions from the audit log (one), the reports (one), the authors' records (one).
 *
 * | queue    | which comments                         | order (index)                               |
 * | held     | HELD                                   | oldest first (status, createdAt, id)        |
 * | reported | VISIBLE with open reports (flagScore>0) | highest score first (flagScore, id)         |
 * | recent   | all                                    | newest first (createdAt, id)                |
 * | approved | VISIBLE after a decision               | latest decision first (status, moderatedAt, id) |
 * | rejected | REMOVED                                | latest decision first (status, moderatedAt, id) |
 */
import { z } from "zod";
import { appError } from "@/server/api/errors.ts";
import type { QueueItem, QueueKind, QueuePage } from "@/server/api/routers/moderation/schemas.ts";
import type { Db } from "@/server/db/client.ts";
import { Prisma } from "@/server/db/generated/client.ts";
import { commentSnippet } from "@/server/notifications/snippet.ts";
import { activeSanctionSql, sanctionFromJson } from "./sanctions.ts";

interface QueueRow {
  id: string;
  essaySlug: string;
  essayTitle: string;
  status: "VISIBLE" | "DELETED" | "REMOVED" | "HELD";
  body: string;
  bodyHtml: string;
  paragraphKey: string | null;
  paragraphQuote: string | null;
  parentId: string | null;
  parentBody: string | null;
  parentAuthorName: string | null;
  createdAt: Date;
  editedAt: Date | null;
  featuredAt: Date | null;
  flagScore: number;
  moderationReason: string | null;
  moderatorNote: string | null;
  moderatedAt: Date | null;
  moderatedById: string | null;
  moderatedByName: string | null;
  authorId: string;
  authorName: string | null;
  authorRole: "USER" | "MODERATOR" | "ADMIN";
  authorJoinedAt: Date;
  claimModeratorId: string | null;
  claimModeratorName: string | null;
  claimExpiresAt: Date | null;
}

/** Each queue's sort key: a number (score) or a time (ms); the cursor carries it with the id. */
const queues: Record<QueueKind, { where: Prisma.Sql; keyOf: (row: QueueRow) => number; after: (key: number, id: string) => Prisma.Sql; orderBy: Prisma.Sql }> = {
  held: {
    where: Prisma.sql`c.status = 'HELD'`,
    keyOf: (row) => row.createdAt.getTime(),
    after: (key, id) => Prisma.sql`AND (c."createdAt", c.id) > (${new Date(key)}::timestamp(3), ${id})`,
    orderBy: Prisma.sql`c.status ASC, c."createdAt" ASC, c.id ASC`,
  },
  reported: {
    where: Prisma.sql`c."flagScore" > 0 AND c.status = 'VISIBLE'`,
    keyOf: (row) => row.flagScore,
    after: (key, id) => Prisma.sql`AND (c."flagScore", c.id) < (${key}::float8, ${id})`,
    orderBy: Prisma.sql`c."flagScore" DESC, c.id DESC`,
  },
  recent: {
    where: Prisma.sql`TRUE`,
    keyOf: (row) => row.createdAt.getTime(),
    after: (key, id) => Prisma.sql`AND (c."createdAt", c.id) < (${new Date(key)}::timestamp(3), ${id})`,
    orderBy: Prisma.sql`c."createdAt" DESC, c.id DESC`,
  },
  approved: {
    where: Prisma.sql`c.status = 'VISIBLE' AND c."moderatedAt" IS NOT NULL`,
    keyOf: (row) => row.moderatedAt!.getTime(),
    after: (key, id) => Prisma.sql`AND (c."moderatedAt", c.id) < (${new Date(key)}::timestamp(3), ${id})`,
    orderBy: Prisma.sql`c.status DESC, c."moderatedAt" DESC, c.id DESC`,
  },
  rejected: {
    where: Prisma.sql`c.status = 'REMOVED' AND c."moderatedAt" IS NOT NULL`,
    keyOf: (row) => row.moderatedAt!.getTime(),
    after: (key, id) => Prisma.sql`AND (c."moderatedAt", c.id) < (${new Date(key)}::timestamp(3), ${id})`,
    orderBy: Prisma.sql`c.status DESC, c."moderatedAt" DESC, c.id DESC`,
  },
};

const cursorPayload = z.object({ q: z.string(), k: z.number().finite(), i: z.string().min(1).max(64) }).strict();

function encodeQueueCursor(kind: QueueKind, key: number, id: string): string {
  return Buffer.from(JSON.stringify({ q: kind, k: key, i: id })).toString("base64url");
}

function decodeQueueCursor(kind: QueueKind, value: string): { key: number; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw appError("BAD_REQUEST", "moderation.comments.badCursor");
  }
  const result = cursorPayload.safeParse(parsed);
  if (!result.success || result.data.q !== kind) throw appError("BAD_REQUEST", "moderation.comments.badCursor");
  return { key: result.data.k, id: result.data.i };
}

export async function moderationQueue(
  db: Db,
  viewerId: string,
  params: { kind: QueueKind; cursor?: string | null; limit: number },
  now = new Date(),
): Promise<QueuePage> {
  const queue = queues[params.kind];
  const cursor = params.cursor ? decodeQueueCursor(params.kind, params.cursor) : null;
  // Rows first (the keyset seek, LIMIT applied before the joins), then their context.
  const rows = await db.$queryRaw<QueueRow[]>`
    WITH page AS (
      SELECT c.id FROM "Comment" c
      WHERE ${queue.where} ${cursor ? queue.after(cursor.key, cursor.id) : Prisma.empty}
      ORDER BY ${queue.orderBy}
      LIMIT ${params.limit + 1}
    )
    SELECT c.id, e.slug AS "essaySlug", e.title AS "essayTitle", c.status::text AS status, c.body, c."bodyHtml",
      c."paragraphKey", c."paragraphQuote", c."parentId", p.body AS "parentBody", pu.name AS "parentAuthorName",
      c."createdAt", c."editedAt", c."featuredAt", c."flagScore", c."moderationReason", c."moderatorNote",
      c."moderatedAt", c."moderatedById", mu.name AS "moderatedByName",
      c."authorId", u.name AS "authorName", u.role::text AS "authorRole", u."createdAt" AS "authorJoinedAt",
      rc."moderatorId" AS "claimModeratorId", cu.name AS "claimModeratorName", rc."expiresAt" AS "claimExpiresAt"
    FROM page JOIN "Comment" c ON c.id = page.id
    JOIN "Essay" e ON e.id = c."essayId"
    JOIN "User" u ON u.id = c."authorId"
    LEFT JOIN "Comment" p ON p.id = c."parentId"
    LEFT JOIN "User" pu ON pu.id = p."authorId"
    LEFT JOIN "User" mu ON mu.id = c."moderatedById"
    LEFT JOIN "ReviewClaim" rc ON rc."commentId" = c.id AND rc."expiresAt" > ${now}
    LEFT JOIN "User" cu ON cu.id = rc."moderatorId"
    ORDER BY ${queue.orderBy}`;
  const pageRows = rows.slice(0, params.limit);
  const last = pageRows.at(-1);
  const nextCursor = rows.length > params.limit && last ? encodeQueueCursor(params.kind, queue.keyOf(last), last.id) : null;
  if (pageRows.length === 0) return { items: [], nextCursor };

  const ids = pageRows.map((row) => row.id);
  const authorIds = [...new Set(pageRows.map((row) => row.authorId))];
  const [decisions, reports, records] = await Promise.all([
    db.$queryRaw<{ targetId: string; rule: string; action: string; after: unknown; createdAt: Date }[]>`
      SELECT l."targetId", l.rule, l.action, l.after, l."createdAt" FROM "ModerationLog" l
      WHERE l."targetType" = 'comment' AND l."targetId" IN (${Prisma.join(ids)}) AND l."actorId" IS NULL AND l.rule IS NOT NULL
      ORDER BY l.id ASC`,
    db.$queryRaw<{ commentId: string; id: string; reason: string; text: string | null; weight: number; status: string; reporterId: string | null; reporterName: string | null; createdAt: Date }[]>`
      SELECT r.* FROM unnest(ARRAY[${Prisma.join(ids)}]::text[]) AS x(id)
      CROSS JOIN LATERAL (
        SELECT r."commentId", r.id, r.reason::text AS reason, r.text, r.weight, r.status::text AS status, r."reporterId", ru.name AS "reporterName", r."createdAt"
        FROM "Report" r LEFT JOIN "User" ru ON ru.id = r."reporterId"
        WHERE r."commentId" = x.id ORDER BY r."createdAt" DESC LIMIT 20
      ) r`,
    db.$queryRaw<{ id: string; commentCount: number; rejectedCount: number; sanction: Parameters<typeof sanctionFromJson>[0] }[]>`
      SELECT a.id,
        (SELECT count(*)::int FROM "Comment" c WHERE c."authorId" = a.id) AS "commentCount",
        (SELECT count(*)::int FROM "Comment" c WHERE c."authorId" = a.id AND c.status = 'REMOVED' AND c."moderatedById" IS NOT NULL) AS "rejectedCount",
        ${activeSanctionSql(Prisma.sql`a.id`, now)} AS sanction
      FROM unnest(ARRAY[${Prisma.join(authorIds)}]::text[]) AS a(id)`,
  ]);

  const recordOf = new Map(records.map((r) => [r.id, r]));
  return {
    items: pageRows.map((row): QueueItem => {
      const record = recordOf.get(row.authorId);
      const sanction = sanctionFromJson(record?.sanction ?? null);
      return {
        comment: {
          id: row.id,
          essay: { slug: row.essaySlug, title: row.essayTitle },
          status: row.status === "VISIBLE" ? "visible" : row.status === "HELD" ? "held" : row.status === "REMOVED" ? "removed" : "deleted",
          bodyHtml: row.bodyHtml,
          body: row.body,
          paragraph: row.paragraphKey === null ? null : { key: row.paragraphKey, quote: row.paragraphQuote ?? "" },
          parent: row.parentId === null ? null : { id: row.parentId, excerpt: commentSnippet(row.parentBody ?? ""), authorName: row.parentAuthorName },
          permalink: `/c/${row.id}`,
          createdAt: row.createdAt,
          editedAt: row.editedAt,
          featuredAt: row.featuredAt,
          flagScore: row.flagScore,
          reason: (row.moderationReason as QueueItem["comment"]["reason"]) ?? null,
          note: row.moderatorNote,
          moderatedAt: row.moderatedAt,
          moderatedBy: row.moderatedById === null ? null : { id: row.moderatedById, name: row.moderatedByName },
        },
        decisions: decisions
          .filter((d) => d.targetId === row.id)
          .map((d) => {
            const after = (d.after ?? {}) as { spans?: QueueItem["decisions"][number]["spans"]; details?: Record<string, unknown> };
            return { rule: d.rule, action: d.action, spans: after.spans ?? [], details: after.details ?? {}, at: d.createdAt };
          }),
        reports: reports
          .filter((r) => r.commentId === row.id)
          .map((r) => ({
            id: r.id,
            reason: r.reason.toLowerCase() as QueueItem["reports"][number]["reason"],
            text: r.text,
            weight: r.weight,
            status: r.status.toLowerCase() as QueueItem["reports"][number]["status"],
            reporter: r.reporterId === null ? null : { id: r.reporterId, name: r.reporterName },
            createdAt: r.createdAt,
          })),
        author: {
          id: row.authorId,
          name: row.authorName,
          role: row.authorRole.toLowerCase() as QueueItem["author"]["role"],
          joinedAt: row.authorJoinedAt,
          commentCount: record?.commentCount ?? 0,
          rejectedCount: record?.rejectedCount ?? 0,
          activeSanction: sanction && { kind: sanction.kind.toLowerCase() as "warning" | "suspension" | "ban", reason: sanction.reason, endsAt: sanction.endsAt },
        },
        claim:
          row.claimModeratorId === null || row.claimExpiresAt === null
            ? null
            : { moderatorId: row.claimModeratorId, moderatorName: row.claimModeratorName, expiresAt: row.claimExpiresAt, mine: row.claimModeratorId === viewerId },
      };
    }),
    nextCursor,
  };
}

/** Items waiting, for the console's live counts: two index-only counts. */
export async function moderationCounts(db: Db): Promise<{ held: number; reported: number }> {
  const [row] = await db.$queryRaw<{ held: number; reported: number }[]>`
    SELECT (SELECT count(*)::int FROM "Comment" c WHERE c.status = 'HELD') AS held,
           (SELECT count(*)::int FROM "Comment" c WHERE c."flagScore" > 0 AND c.status = 'VISIBLE') AS reported`;
  return row ?? { held: 0, reported: 0 };
}
