/** The related readings an essay names in its front matter (a JSON array next to it in content/). */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { ContentError } from "./content-error.ts";
import type { RelatedReading } from "./types.ts";

const text = z.string().trim().min(1);
const relatedReadingsSchema = z.array(
  z
    .object({
      title: text.max(300),
      summary: text.max(5000),
      source: text.max(200),
      // When the original page listed the item, relative to when it was saved ("11 min fa"): not shown.
      listed: z.string().optional(),
    })
    .strict()
    .transform(({ title, summary, source }): RelatedReading => ({ title, summary, source })),
);

export async function readRelatedReadings(contentDir: string, fileName: string): Promise<{ readings: RelatedReading[]; raw: string }> {
  const file = path.join(contentDir, fileName);
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    throw new ContentError(file, null, "related readings file not found");
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new ContentError(file, null, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const result = relatedReadingsSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ContentError(file, null, problems.join("; "));
  }
  return { readings: result.data, raw };
}
