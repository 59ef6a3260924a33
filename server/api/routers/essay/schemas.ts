/**
 * zod schemas of the essay procedures. The output schemas mirror server/essay/types.ts
 * (the `z.ZodType<…>` annotations make the compiler hold them to it).
 */
import { z } from "zod";
import type { EssayBlock, EssayView, InlineNode, RelatedReading } from "@/server/essay/types.ts";
import { slugMaxLength, slugPattern } from "@/server/essay/slug.ts";

/** What the seed accepts as a slug, and nothing else. */
export const slugSchema = z.string().max(slugMaxLength).regex(slugPattern);

export const essayGetInput = z.object({ slug: slugSchema }).strict().optional();
export type EssayGetInput = z.infer<typeof essayGetInput>;

export const inlineNodeSchema: z.ZodType<InlineNode> = z.lazy(() =>
  z.union([
    z.object({ type: z.literal("text"), value: z.string() }),
    z.object({ type: z.enum(["strong", "emphasis", "delete"]), children: z.array(inlineNodeSchema) }),
    z.object({ type: z.literal("link"), url: z.string(), children: z.array(inlineNodeSchema) }),
    z.object({ type: z.literal("code"), value: z.string() }),
    z.object({ type: z.literal("break") }),
  ]),
);

const noteParagraphSchema = z.object({ key: z.string(), children: z.array(inlineNodeSchema), text: z.string() });

export const essayBlockSchema: z.ZodType<EssayBlock> = z.union([
  z.object({ type: z.literal("paragraph"), key: z.string(), children: z.array(inlineNodeSchema), text: z.string() }),
  z.object({ type: z.literal("heading"), key: z.string(), level: z.union([z.literal(2), z.literal(3)]), text: z.string() }),
  z.object({ type: z.literal("figure"), key: z.string(), caption: z.string(), src: z.string() }),
  z.object({ type: z.literal("note"), key: z.string(), paragraphs: z.array(noteParagraphSchema) }),
]);

export const relatedReadingSchema: z.ZodType<RelatedReading> = z.object({
  title: z.string(),
  summary: z.string(),
  source: z.string(),
});

export const essayViewOutput: z.ZodType<EssayView> = z.object({
  slug: z.string(),
  title: z.string(),
  author: z.string(),
  authorHandle: z.string().nullable(),
  publisher: z.string(),
  publisherHandle: z.string().nullable(),
  label: z.string().nullable(),
  language: z.string(),
  publishedAt: z.date(),
  readingMinutes: z.number().int(),
  blocks: z.array(essayBlockSchema),
  relatedReadings: z.array(relatedReadingSchema),
  updatedAt: z.date(),
});

export const essayListOutput = z.array(z.object({ slug: z.string(), title: z.string(), publishedAt: z.date() }));
export type EssaySummary = z.infer<typeof essayListOutput>[number];
