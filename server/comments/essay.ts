/** The essay a comment request is about, and the paragraphs a comment may be about. */
import { appError } from "@/server/api/errors.ts";
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import { defaultEssayOrder } from "@/server/essay/queries.ts";
import { storedParagraphs } from "@/server/essay/key-blocks.ts";

type Reader = Db | Prisma.TransactionClient;

export interface CommentEssay {
  id: string;
  slug: string;
}

/**
 * Every comment read starts here, so found essays are kept for a minute per process: the seed
 * updates an essay in place (its id never changes), and a minute bounds how long a newly added
 * essay that becomes the default takes to be seen. Only found ones: a miss is never kept.
 */
const essayTtlMs = 60_000;
const essays = new WeakMap<object, Map<string, { essay: CommentEssay; at: number }>>();

/** The essay by slug, or the default essay without one; NOT_FOUND essayNotFound otherwise. */
export async function essayForComments(db: Reader, slug: string | undefined): Promise<CommentEssay> {
  let known = essays.get(db);
  if (!known) essays.set(db, (known = new Map()));
  const key = slug ?? "";
  const hit = known.get(key);
  if (hit && Date.now() - hit.at < essayTtlMs) return hit.essay;
  const essay = slug
    ? await db.essay.findUnique({ where: { slug }, select: { id: true, slug: true } })
    : await db.essay.findFirst({ orderBy: [...defaultEssayOrder], select: { id: true, slug: true } });
  if (!essay) throw appError("NOT_FOUND", "essayNotFound");
  known.set(key, { essay, at: Date.now() });
  return essay;
}

/** A paragraph quote is a reminder of what was discussed, not a copy: long ones are cut. */
export const paragraphQuoteMaxLength = 280;

/** The paragraph's text as quoted by a comment about it; BAD_REQUEST comments.paragraphNotFound when the essay has no such paragraph. */
export async function paragraphQuote(db: Reader, essayId: string, paragraphKey: string): Promise<string> {
  const essay = await db.essay.findUnique({ where: { id: essayId }, select: { blocks: true } });
  const paragraph = storedParagraphs(essay?.blocks).find((p) => p.key === paragraphKey);
  if (!paragraph) throw appError("BAD_REQUEST", "comments.paragraphNotFound");
  return truncateQuote(paragraph.text, paragraphQuoteMaxLength);
}

/** Cut at a code point boundary (never half a surrogate pair), with an ellipsis when cut. */
export function truncateQuote(text: string, max: number): string {
  const codePoints = Array.from(text.trim());
  return codePoints.length <= max ? codePoints.join("") : `${codePoints.slice(0, max - 1).join("").trimEnd()}…`;
}
