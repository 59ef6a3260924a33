import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/server/test/database.ts";
import { ContentError } from "./content-error.ts";
import { getEssayView } from "./queries.ts";
import { defaultContentDir, seedContent } from "./seed.ts";
import type { EssayBlock } from "./types.ts";

const slug = "first-00s-web3-workers-leaving";
const database = useTestDatabase();
const db = () => database().db;
let contentDir: string;

beforeEach(async () => {
  await db().essay.deleteMany();
  // A private copy of the project's content, so tests can edit it.
  contentDir = await mkdtemp(path.join(os.tmpdir(), "tuiquan-content-"));
  await cp(defaultContentDir, contentDir, { recursive: true });
  return () => rm(contentDir, { recursive: true, force: true });
});

const essayFile = () => path.join(contentDir, "essay.md");
async function editEssay(edit: (source: string) => string): Promise<void> {
  const source = await readFile(essayFile(), "utf8");
  const edited = edit(source);
  expect(edited).not.toBe(source);
  await writeFile(essayFile(), edited);
}

function paragraphs(blocks: EssayBlock[]): { key: string; text: string }[] {
  return blocks.flatMap((b) => (b.type === "paragraph" ? [{ key: b.key, text: b.text }] : b.type === "note" ? b.paragraphs : []));
}

async function view() {
  const essay = await getEssayView(db(), slug);
  if (!essay) throw new Error("essay not seeded");
  return essay;
}

describe("seedContent", () => {
  it("seeds the essay with its metadata, blocks, reading time and related readings", async () => {
    const summary = await seedContent(db(), { contentDir });
    expect(summary.essays).toEqual([
      expect.objectContaining({ slug, action: "created", paragraphs: 27, keys: { unchanged: 0, edited: 0, added: 27, removed: 0 } }),
    ]);

    const essay = await view();
    expect(essay).toMatchObject({
      title: "第一批00后Web3打工人已经开始“退圈”了",
      author: "Golem",
      authorHandle: "@web3_golem",
      publisher: "Odaily 星球日报",
      publisherHandle: "@OdailyChina",
      label: "原创",
      language: "zh-CN",
      publishedAt: new Date("2025-08-22T00:00:00Z"),
      readingMinutes: 8,
    });
    expect(essay.blocks.map((b) => b.type).filter((t) => t !== "paragraph")).toEqual(["figure", "heading", "figure", "heading", "figure", "heading", "note"]);
    const keys = essay.blocks.flatMap((b) => (b.type === "note" ? [b.key, ...b.paragraphs.map((p) => p.key)] : [b.key]));
    expect(new Set(keys).size).toBe(keys.length);

    expect(essay.relatedReadings).toHaveLength(3);
    expect(essay.relatedReadings[0]).toEqual({
      title: "Investment Philosophy of Gavin Baker, an Early Nvidia Investor: Long AI Infrastructure Bottlenecks, Short Overall Market Risk",
      summary: expect.stringContaining("Gavin Baker"),
      source: "marsbit",
    });

    const row = await db().essay.findUniqueOrThrow({ where: { slug }, select: { source: true, contentHash: true } });
    expect(row.source).toBe(await readFile(essayFile(), "utf8"));
    expect(row.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("writes nothing when the content has not changed", async () => {
    await seedContent(db(), { contentDir });
    const before = await db().essay.findUniqueOrThrow({ where: { slug }, select: { id: true, updatedAt: true, blocks: true } });

    const summary = await seedContent(db(), { contentDir });

    expect(summary.essays).toEqual([expect.objectContaining({ slug, action: "unchanged", keys: null })]);
    const after = await db().essay.findUniqueOrThrow({ where: { slug }, select: { id: true, updatedAt: true, blocks: true } });
    expect(after).toEqual(before);
    expect(await db().essay.count()).toBe(1);
  });

  it("updates the essay in place after an edit, keeping the keys of paragraphs that stayed or were touched up", async () => {
    await seedContent(db(), { contentDir });
    const before = await view();
    const oldParagraphs = paragraphs(before.blocks);
    const id = (await db().essay.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;

    const inserted = "这是编辑后新加的一段,放在第一段之后。";
    const deleted = "由此,我对 Web 3 的认识从“这是一个能使世界变得更好的行业”变为“这不过是一个来钱相对较快的行业”,我也向“钱”看了。";
    await editEssay((source) =>
      source
        .replace("title: 第一批00后Web3打工人已经开始“退圈”了", "title: 第一批00后Web3打工人已经开始“退圈”了(修订)")
        .replace("于是我去贵阳看了音乐节,然后又在昆明待了一个星期。\n", `于是我去贵阳看了音乐节,然后又在昆明待了一个星期。\n\n${inserted}\n`)
        .replace(`${deleted}\n\n`, "")
        .replace("蓬头垢面", "蓬头垢脸"),
    );

    const summary = await seedContent(db(), { contentDir });
    expect(summary.essays).toEqual([
      expect.objectContaining({ slug, action: "updated", keys: { unchanged: 25, edited: 1, added: 1, removed: 1 } }),
    ]);

    const after = await view();
    expect(after.title).toBe("第一批00后Web3打工人已经开始“退圈”了(修订)");
    expect(await db().essay.count()).toBe(1);
    expect((await db().essay.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id).toBe(id);

    const newParagraphs = paragraphs(after.blocks);
    const keyOf = (list: { key: string; text: string }[], text: string) => list.find((p) => p.text === text)?.key;
    // Untouched paragraphs keep their keys.
    for (const p of oldParagraphs.slice(1)) if (p.text !== deleted) expect(keyOf(newParagraphs, p.text)).toBe(p.key);
    // The typo fix keeps its key.
    expect(newParagraphs[0]!.text).toContain("蓬头垢脸");
    expect(newParagraphs[0]!.key).toBe(oldParagraphs[0]!.key);
    // The new paragraph gets a key no paragraph had before.
    expect(oldParagraphs.map((p) => p.key)).not.toContain(keyOf(newParagraphs, inserted));
    expect(keyOf(newParagraphs, deleted)).toBeUndefined();
  });

  it("gives a rewritten paragraph a new key", async () => {
    await seedContent(db(), { contentDir });
    const old = paragraphs((await view()).blocks);
    const original = old[1]!.text;
    await editEssay((source) => source.replace(original, "完全重写的一段:这一周我哪里也没去,只是在家里读书。"));

    await seedContent(db(), { contentDir });

    const now = paragraphs((await view()).blocks);
    expect(now[1]!.key).not.toBe(old[1]!.key);
    expect(now.filter((_, i) => i !== 1).map((p) => p.key)).toEqual(old.filter((_, i) => i !== 1).map((p) => p.key));
  });

  it("re-seeds when only the related readings change", async () => {
    await seedContent(db(), { contentDir });
    const file = path.join(contentDir, "related-readings.json");
    const readings = JSON.parse(await readFile(file, "utf8")) as { title: string }[];
    readings[0]!.title = "A corrected title";
    await writeFile(file, JSON.stringify(readings));

    const summary = await seedContent(db(), { contentDir });

    expect(summary.essays[0]!.action).toBe("updated");
    expect((await view()).relatedReadings[0]!.title).toBe("A corrected title");
  });

  it("seeds another essay added the same way, and keeps the first as the default", async () => {
    await writeFile(
      path.join(contentDir, "second.md"),
      "---\nslug: second-essay\ntitle: 第二篇\nauthor: 某人\npublisher: 某刊\npublished: 2026-01-02\nlanguage: zh-CN\n---\n\n## 一\n\n正文。\n",
    );

    const summary = await seedContent(db(), { contentDir });

    expect(summary.essays.map((e) => [e.slug, e.action])).toEqual([
      [slug, "created"],
      ["second-essay", "created"],
    ]);
    expect(await getEssayView(db(), "second-essay")).toMatchObject({ title: "第二篇", relatedReadings: [], readingMinutes: 1 });
    expect((await getEssayView(db()))?.slug).toBe(slug);
  });

  it("refuses a broken file without writing anything", async () => {
    await writeFile(path.join(contentDir, "broken.md"), "---\nslug: broken\ntitle: 坏\nauthor: a\npublisher: b\npublished: 2026-01-01\nlanguage: zh-CN\n---\n\n- 列表\n");

    const error = await seedContent(db(), { contentDir }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toMatch(/broken\.md:10: unsupported Markdown \(list\)/);
    expect(await db().essay.count()).toBe(0);
  });

  it("refuses two files with the same slug", async () => {
    await cp(essayFile(), path.join(contentDir, "copy.md"));
    await expect(seedContent(db(), { contentDir })).rejects.toThrow(/slug "first-00s-web3-workers-leaving" is already used/);
    expect(await db().essay.count()).toBe(0);
  });

  it("refuses a missing related readings file", async () => {
    await rm(path.join(contentDir, "related-readings.json"));
    await expect(seedContent(db(), { contentDir })).rejects.toThrow(/related readings file not found/);
  });
});
