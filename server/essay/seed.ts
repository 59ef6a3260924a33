/**
 * Seeds the essays in content/ into the database: one Essay row per content/*.md (README.md aside),
 * upserted by slug. Idempotent: a file whose parsed content hashes the same as the stored row is
 * not written. After an edit the row is updated in place, paragraph keys reconciled with the stored
 * blocks (docs/paragraph-keys.md).
 *
 * Every file is parsed before anything is written, so one bad file changes nothing.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/server/db/client.ts";
import type { Prisma } from "@/server/db/generated/client.ts";
import { ContentError } from "./content-error.ts";
import { keyBlocks } from "./key-blocks.ts";
import type { KeyReconciliation } from "./paragraph-keys.ts";
import { parseEssay, type DraftBlock, type ParsedEssay } from "./parse.ts";
import { readingMinutes } from "./reading-time.ts";
import { readRelatedReadings } from "./related-readings.ts";
import type { RelatedReading } from "./types.ts";

export const defaultContentDir = path.resolve(import.meta.dirname, "../../content");

export interface SeededEssay {
  slug: string;
  file: string;
  action: "created" | "updated" | "unchanged";
  paragraphs: number;
  /** How the paragraph keys were reconciled; null when nothing was written. */
  keys: Omit<KeyReconciliation, "keys"> | null;
}

export interface SeedSummary {
  essays: SeededEssay[];
}

interface PreparedEssay {
  file: string;
  source: string;
  parsed: ParsedEssay;
  relatedReadings: RelatedReading[];
  readingMinutes: number;
  contentHash: string;
}

export async function seedContent(db: Db, { contentDir = defaultContentDir }: { contentDir?: string } = {}): Promise<SeedSummary> {
  const prepared = await prepareEssays(contentDir);
  const essays: SeededEssay[] = [];
  for (const essay of prepared) essays.push(await writeEssay(db, essay));
  return { essays };
}

/** Essay files: every .md file of the folder but its README, in name order. */
async function essayFiles(contentDir: string): Promise<string[]> {
  const names = await readdir(contentDir);
  return names
    .filter((name) => name.endsWith(".md") && name.toLowerCase() !== "readme.md")
    .sort()
    .map((name) => path.join(contentDir, name));
}

async function prepareEssays(contentDir: string): Promise<PreparedEssay[]> {
  const files = await essayFiles(contentDir);
  if (files.length === 0) throw new ContentError(contentDir, null, "no essay (*.md) in the content folder");
  const bySlug = new Map<string, string>();
  const prepared: PreparedEssay[] = [];
  for (const file of files) {
    const source = await readFile(file, "utf8");
    const parsed = parseEssay(source, file);
    const other = bySlug.get(parsed.meta.slug);
    if (other) throw new ContentError(file, null, `slug "${parsed.meta.slug}" is already used by ${other}`);
    bySlug.set(parsed.meta.slug, file);
    const relatedReadings = parsed.meta.relatedReadingsFile
      ? (await readRelatedReadings(contentDir, parsed.meta.relatedReadingsFile)).readings
      : [];
    prepared.push({
      file,
      source,
      parsed,
      relatedReadings,
      readingMinutes: readingMinutes(visibleTexts(parsed.blocks)),
      // Over what the seed writes (not only the file), so a parser change re-seeds unchanged files too.
      contentHash: createHash("sha256").update(JSON.stringify({ source, parsed, relatedReadings })).digest("hex"),
    });
  }
  return prepared;
}

async function writeEssay(db: Db, essay: PreparedEssay): Promise<SeededEssay> {
  const { meta, blocks: drafts } = essay.parsed;
  const base = { slug: meta.slug, file: essay.file, paragraphs: countParagraphs(drafts) };
  return db.$transaction(async (tx) => {
    const stored = await tx.essay.findUnique({ where: { slug: meta.slug }, select: { contentHash: true, blocks: true } });
    if (stored?.contentHash === essay.contentHash) return { ...base, action: "unchanged", keys: null };

    const { blocks, keys } = keyBlocks(drafts, stored?.blocks ?? null);
    const { keys: _keyList, ...keyStats } = keys;
    const data = {
      title: meta.title,
      author: meta.author,
      authorHandle: meta.authorHandle,
      publisher: meta.publisher,
      publisherHandle: meta.publisherHandle,
      label: meta.label,
      language: meta.language,
      publishedAt: meta.publishedAt,
      source: essay.source,
      // Plain JSON values: the parser builds them from strings and arrays only.
      blocks: blocks as unknown as Prisma.InputJsonValue,
      relatedReadings: essay.relatedReadings as unknown as Prisma.InputJsonValue,
      readingMinutes: essay.readingMinutes,
      contentHash: essay.contentHash,
    };
    await tx.essay.upsert({ where: { slug: meta.slug }, create: { slug: meta.slug, ...data }, update: data, select: { id: true } });
    return { ...base, action: stored ? "updated" : "created", keys: keyStats };
  });
}

function countParagraphs(blocks: readonly DraftBlock[]): number {
  return blocks.reduce((n, b) => n + (b.type === "paragraph" ? 1 : b.type === "note" ? b.paragraphs.length : 0), 0);
}

/** Everything a reader reads, for the reading time. */
function visibleTexts(blocks: readonly DraftBlock[]): string[] {
  return blocks.flatMap((b) => {
    switch (b.type) {
      case "paragraph":
      case "heading":
        return [b.text];
      case "figure":
        return [b.caption];
      case "note":
        return b.paragraphs.map((p) => p.text);
    }
  });
}
