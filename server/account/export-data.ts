/**
 * "Export my data" (docs/data-rights.md): everything the site holds that is the reader's own, as
 * one JSON document. Their own ballots are in it — the secret is theirs — and nobody else's: every
 * read below is filtered by the reader's id. Sanctions say what and why and until when, never the
 * moderators' private notes or who decided beyond "a moderator".
 */
import type { Db } from "@/server/db/client.ts";

export const dataExportVersion = 1;

export async function exportMyData(db: Db, userId: string, now = new Date()) {
  const [profile, comments, votes, reports, ballots, notifications, sanctions] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, name: true, email: true, role: true, locale: true, showPollBadge: true, createdAt: true },
    }),
    db.comment.findMany({
      where: { authorId: userId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        essay: { select: { slug: true } },
        parentId: true,
        paragraphKey: true,
        body: true,
        status: true,
        score: true,
        createdAt: true,
        editedAt: true,
        deletedAt: true,
        moderationReason: true,
        // Shown to the author on their held or removed comment already (no shadow bans).
        moderatorNote: true,
        revisions: { orderBy: { createdAt: "asc" }, select: { body: true, createdAt: true } },
      },
    }),
    db.commentVote.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { commentId: true, createdAt: true } }),
    db.report.findMany({
      where: { reporterId: userId },
      orderBy: { createdAt: "asc" },
      select: { commentId: true, reason: true, text: true, status: true, createdAt: true, resolvedAt: true },
    }),
    db.ballot.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        poll: { select: { key: true, questionZh: true, questionEn: true, essay: { select: { slug: true } } } },
        choices: { select: { option: { select: { key: true, labelZh: true, labelEn: true, position: true } } } },
        createdAt: true,
        updatedAt: true,
      },
    }),
    db.notification.findMany({
      where: { recipientId: userId },
      orderBy: { createdAt: "asc" },
      select: { kind: true, commentId: true, readAt: true, createdAt: true },
    }),
    db.sanction.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { kind: true, reason: true, createdAt: true, endsAt: true, acknowledgedAt: true, liftedAt: true },
    }),
  ]);

  return {
    format: "tuiquan-data-export",
    version: dataExportVersion,
    exportedAt: now.toISOString(),
    profile,
    comments: comments.map(({ essay, revisions, ...comment }) => ({ ...comment, essay: essay.slug, revisions })),
    commentVotes: votes,
    reports,
    ballots: ballots.map((ballot) => ({
      essay: ballot.poll.essay.slug,
      poll: ballot.poll.key,
      question: { zh: ballot.poll.questionZh, en: ballot.poll.questionEn },
      choices: ballot.choices
        .map(({ option }) => option)
        .sort((a, b) => a.position - b.position)
        .map((option) => ({ key: option.key, label: { zh: option.labelZh, en: option.labelEn } })),
      createdAt: ballot.createdAt,
      updatedAt: ballot.updatedAt,
    })),
    notifications,
    sanctions: sanctions.map((sanction) => ({ ...sanction, by: "a moderator" as const })),
  };
}

export type DataExport = Awaited<ReturnType<typeof exportMyData>>;
