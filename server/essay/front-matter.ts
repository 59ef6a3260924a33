/**
 * The front matter of an essay file (YAML between `---` lines): its metadata, validated strictly so
 * that a misspelt field is an error instead of a silently missing byline.
 */
import matter from "gray-matter";
import { z } from "zod";
import { ContentError } from "./content-error.ts";
import { slugMaxLength, slugPattern } from "./slug.ts";

export interface EssayMeta {
  slug: string;
  title: string;
  author: string;
  authorHandle: string | null;
  publisher: string;
  publisherHandle: string | null;
  label: string | null;
  language: string;
  publishedAt: Date;
  /** A JSON file next to the essay with its related readings (see related-readings.ts), if any. */
  relatedReadingsFile: string | null;
}

const line = z.string().trim().min(1).max(300);
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const frontMatterSchema = z
  .object({
    slug: z.string().max(slugMaxLength).regex(slugPattern, "lower-case letters, digits and single hyphens only"),
    title: line,
    author: line,
    author_handle: line.optional(),
    publisher: line,
    publisher_handle: line.optional(),
    label: line.optional(),
    language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "a BCP 47 tag such as zh-CN"),
    // YAML reads an unquoted 2025-08-22 as a Date (midnight UTC); a quoted one stays a string.
    published: z.union([z.date(), z.string().regex(isoDate).transform((value) => new Date(`${value}T00:00:00Z`))]),
    // A bare file name in the content folder: the essay says which readings belong to it.
    related_readings: z.string().regex(/^[\w.-]+\.json$/, "a .json file name in the content folder").optional(),
  })
  .strict();

/** Splits a file into its metadata and its Markdown body; `bodyStartLine` maps body lines back to the file. */
export function readFrontMatter(source: string, file: string): { meta: EssayMeta; body: string; bodyStartLine: number } {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Options are passed on purpose: without them gray-matter caches results by content and hands
    // out shared objects. Only YAML is accepted (gray-matter would eval a `---js` block).
    parsed = matter(source, { language: "yaml", engines: { js: refuseEngine, javascript: refuseEngine } });
  } catch (error) {
    throw new ContentError(file, 1, `front matter is not valid YAML (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!parsed.matter?.trim()) throw new ContentError(file, 1, "missing front matter (--- slug, title, … ---)");

  const result = frontMatterSchema.safeParse(parsed.data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "front matter"}: ${issue.message}`);
    throw new ContentError(file, 1, `front matter: ${problems.join("; ")}`);
  }
  const data = result.data;
  if (Number.isNaN(data.published.getTime())) throw new ContentError(file, 1, "front matter: published is not a date");

  const body = parsed.content;
  const prefix = source.endsWith(body) ? source.slice(0, source.length - body.length) : "";
  return {
    meta: {
      slug: data.slug,
      title: data.title,
      author: data.author,
      authorHandle: data.author_handle ?? null,
      publisher: data.publisher,
      publisherHandle: data.publisher_handle ?? null,
      label: data.label ?? null,
      language: data.language,
      publishedAt: data.published,
      relatedReadingsFile: data.related_readings ?? null,
    },
    body,
    bodyStartLine: prefix.split("\n").length,
  };
}

function refuseEngine(): never {
  throw new Error("only YAML front matter is accepted");
}
