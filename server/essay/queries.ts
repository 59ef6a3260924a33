/**
 * Reads of the essay for pages and procedures. Plain functions of the database handle so that
 * server components, the tRPC router and scripts share them.
 */
import type { Db } from "@/server/db/client.ts";
import type { EssayBlock, EssayView, RelatedReading } from "./types.ts";

const essayViewSelect = {
  slug: true,
  title: true,
  author: true,
  authorHandle: true,
  publisher: true,
  publisherHandle: true,
  label: true,
  language: true,
  publishedAt: true,
  readingMinutes: true,
  blocks: true,
  relatedReadings: true,
  updatedAt: true,
} as const;

/** With several essays, "/" shows the first one published (slug breaks a tie, so the choice is stable). */
export const defaultEssayOrder = [{ publishedAt: "asc" }, { slug: "asc" }] as const;

/** The essay with this slug, or the default essay when no slug is given; null when there is none. */
export async function getEssayView(db: Db, slug?: string): Promise<EssayView | null> {
  const row = slug
    ? await db.essay.findUnique({ where: { slug }, select: essayViewSelect })
    : await db.essay.findFirst({ orderBy: [...defaultEssayOrder], select: essayViewSelect });
  if (!row) return null;
  return {
    ...row,
    // Both JSON columns are written only by the seed, from the parser's typed output.
    blocks: row.blocks as unknown as EssayBlock[],
    relatedReadings: row.relatedReadings as unknown as RelatedReading[],
  };
}

/** Every essay, oldest first (the default essay first), for an index page. */
export function listEssays(db: Db): Promise<{ slug: string; title: string; publishedAt: Date }[]> {
  return db.essay.findMany({ orderBy: [...defaultEssayOrder], select: { slug: true, title: true, publishedAt: true } });
}
