/**
 * Comments for tests, written straight into the database: an essay of their own (so tests do not
 * see each other's comments), and rows with the maintained columns a test asks for. Fast enough to
 * seed a few hundred in one statement; the procedures are tested through the caller.
 */
import type { Db } from "@/server/db/client.ts";
import type { CommentStatus } from "@/server/db/generated/enums.ts";
import { newCommentId } from "../comment-id.ts";
import { commentRank } from "../ranking.ts";

let essayCount = 0;

export const testParagraphs = [
  { key: "p1", text: "第一段：退圈的人越来越多。" },
  { key: "p2", text: "第二段。".repeat(100) },
  { key: "n1", text: "注释里的段落。" },
];

/** An essay with two body paragraphs and a note paragraph; returns its id and slug. */
export async function createCommentEssay(db: Db): Promise<{ id: string; slug: string }> {
  essayCount += 1;
  return db.essay.create({
    data: {
      slug: `comment-test-essay-${essayCount}-${Date.now()}`,
      title: `评论测试 ${essayCount}`,
      author: "a",
      publisher: "p",
      language: "zh-CN",
      publishedAt: new Date("2999-01-01T00:00:00Z"), // never the default essay
      source: "",
      blocks: [
        { type: "heading", key: "h1", level: 2, text: "标题" },
        { type: "paragraph", key: testParagraphs[0]!.key, children: [], text: testParagraphs[0]!.text },
        { type: "paragraph", key: testParagraphs[1]!.key, children: [], text: testParagraphs[1]!.text },
        { type: "note", key: "note", paragraphs: [{ key: testParagraphs[2]!.key, children: [], text: testParagraphs[2]!.text }] },
      ],
      relatedReadings: [],
      readingMinutes: 1,
      contentHash: "x",
    },
    select: { id: true, slug: true },
  });
}

export interface SeedCommentFields {
  essayId: string;
  authorId: string;
  parent?: { id: string; rootId: string | null; depth: number } | null;
  body?: string;
  status?: CommentStatus;
  score?: number;
  replyCount?: number;
  paragraphKey?: string | null;
  createdAt?: Date;
}

/** Rows as the procedures would have left them; `replyCount` is the caller's to keep right. */
export function commentRow(fields: SeedCommentFields) {
  const id = newCommentId();
  const createdAt = fields.createdAt ?? new Date();
  const score = fields.score ?? 0;
  const body = fields.body ?? `评论 ${id}`;
  return {
    id,
    essayId: fields.essayId,
    authorId: fields.authorId,
    parentId: fields.parent?.id ?? null,
    rootId: fields.parent ? (fields.parent.rootId ?? fields.parent.id) : id,
    depth: fields.parent ? fields.parent.depth + 1 : 0,
    paragraphKey: fields.paragraphKey ?? null,
    paragraphQuote: fields.paragraphKey ? "quote" : null,
    body,
    bodyHtml: `<p>${body}</p>`,
    status: fields.status ?? "VISIBLE",
    score,
    replyCount: fields.replyCount ?? 0,
    rank: commentRank(score, createdAt),
    createdAt,
    updatedAt: createdAt,
  };
}

export async function seedComment(db: Db, fields: SeedCommentFields) {
  const row = commentRow(fields);
  await db.comment.create({ data: row, select: { id: true } });
  return row;
}
