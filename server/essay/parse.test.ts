import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError } from "./content-error.ts";
import { parseEssay, type DraftBlock } from "./parse.ts";

const frontMatter = `---
slug: test-essay
title: 测试文章
author: Golem
publisher: Odaily 星球日报
published: 2025-08-22
language: zh-CN
---
`;

function parse(body: string, head = frontMatter) {
  return parseEssay(head + body, "content/test.md");
}

function failure(body: string, head = frontMatter): ContentError {
  try {
    parse(body, head);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error("expected the content to be refused");
}

describe("parseEssay on the project's essay", () => {
  const file = path.resolve(import.meta.dirname, "../../content/essay.md");
  const { meta, blocks } = parseEssay(readFileSync(file, "utf8"), file);
  const ofType = <T extends DraftBlock["type"]>(type: T) => blocks.filter((b): b is Extract<DraftBlock, { type: T }> => b.type === type);

  it("reads the metadata from the front matter", () => {
    expect(meta).toEqual({
      slug: "first-00s-web3-workers-leaving",
      title: "第一批00后Web3打工人已经开始“退圈”了",
      author: "Golem",
      authorHandle: "@web3_golem",
      publisher: "Odaily 星球日报",
      publisherHandle: "@OdailyChina",
      label: "原创",
      language: "zh-CN",
      publishedAt: new Date("2025-08-22T00:00:00Z"),
      relatedReadingsFile: "related-readings.json",
    });
  });

  it("finds the three sections with readable anchors", () => {
    expect(ofType("heading")).toEqual([
      { type: "heading", key: "s-web-3-已不再是我心中的白月光", level: 2, text: "Web 3 已不再是我心中的白月光" },
      { type: "heading", key: "s-第一批-00-后-web-3-打工人已经开始退淡圈了", level: 2, text: "第一批 00 后 Web 3 打工人已经开始退/淡圈了" },
      { type: "heading", key: "s-看山不是山看水不是水", level: 2, text: "看山不是山,看水不是水" },
    ]);
  });

  it("turns the three images into figures captioned by their alt text", () => {
    expect(ofType("figure")).toEqual([
      { type: "figure", key: "f-figure-1", caption: "来自全国各地的摇滚爱好者在音乐节上狂欢", src: "figure-1.jpg" },
      { type: "figure", key: "f-figure-2", caption: "入圈初期为学习 Web 3 整理的部分资料", src: "figure-2.jpg" },
      { type: "figure", key: "f-figure-3", caption: "王岳与外贸合伙人谈创业想法", src: "figure-3.jpg" },
    ]);
  });

  it("keeps every paragraph, punctuation as published, and ends with the note", () => {
    const paragraphs = ofType("paragraph");
    // Counted from the file: 26 lines that are neither a heading, an image nor the note.
    expect(paragraphs).toHaveLength(26);
    expect(paragraphs[0]!.text).toBe(
      "“我不想工作了”,在一次周中会,我蓬头垢面、两眼空洞地对着会议屏幕说(这次没开摄像头,他们也看不到我这副形象)。在我说完这句话后,会议气氛凝固了两秒,“Golem,会后你留一下”,主编的声音打破了这种宁静。",
    );
    expect(paragraphs.at(-1)!.text).toBe("但这种任风和浪摆布的场景,实在让我联想到自己也身处 Crypto 这片汪洋大海,失去方向,风拍浪打。");
    expect(blocks.at(-1)).toEqual({
      type: "note",
      key: "note",
      paragraphs: [{ children: [{ type: "text", value: "注:文中王岳、桃子、小雨、玫玫、大和均为化名。" }], text: "注:文中王岳、桃子、小雨、玫玫、大和均为化名。" }],
    });
    // No Markdown syntax leaks into the text.
    for (const p of paragraphs) expect(p.text).not.toMatch(/!\[|\]\(|^#|^>/);
  });
});

describe("parseEssay inline content", () => {
  it("maps emphasis, links, code and hard breaks", () => {
    const { blocks } = parse("一句**很重要**的话,*强调*,[链接](https://example.com/a),`npm start`,\\\n换行。\n");
    expect(blocks).toEqual([
      {
        type: "paragraph",
        children: [
          { type: "text", value: "一句" },
          { type: "strong", children: [{ type: "text", value: "很重要" }] },
          { type: "text", value: "的话," },
          { type: "emphasis", children: [{ type: "text", value: "强调" }] },
          { type: "text", value: "," },
          { type: "link", url: "https://example.com/a", children: [{ type: "text", value: "链接" }] },
          { type: "text", value: "," },
          { type: "code", value: "npm start" },
          { type: "text", value: "," },
          { type: "break" },
          { type: "text", value: "换行。" },
        ],
        text: "一句很重要的话,强调,链接,npm start,\n换行。",
      },
    ]);
  });

  it("joins soft line breaks without a space between Chinese characters, with one between Latin words", () => {
    const { blocks } = parse("第一行\n第二行,then\nEnglish words\n");
    expect(blocks[0]).toMatchObject({ text: "第一行第二行,then English words" });
  });

  it("reads CRLF files and a byte-order mark like any other", () => {
    const { blocks, meta } = parseEssay(`\uFEFF${frontMatter}## 标题\n\n正文。\n`.replace(/\n/g, "\r\n"), "content/test.md");
    expect(meta.slug).toBe("test-essay");
    expect(blocks.map((b) => b.type)).toEqual(["heading", "paragraph"]);
  });

  it("gives repeated headings distinct anchors", () => {
    const { blocks } = parse("## 小结\n\n一。\n\n## 小结\n\n二。\n\n### Why? (2025)\n\n三。\n");
    expect(blocks.filter((b) => b.type === "heading").map((b) => b.key)).toEqual(["s-小结", "s-小结-2", "s-why-2025"]);
  });
});

describe("parseEssay refuses what it cannot show, naming the line", () => {
  // The front matter above takes 8 lines: body line 1 is file line 9.
  it.each([
    ["a list", "正文。\n\n- 一\n- 二\n", 11, /unsupported Markdown \(list\)/],
    ["a code block", "正文。\n\n```\ncode\n```\n", 11, /code/],
    ["raw HTML", "正文。\n\n<div>x</div>\n", 11, /html/],
    ["inline HTML", "正文<br>继续。\n", 9, /inline Markdown \(html\)/],
    ["a thematic break", "正文。\n\n---\n\n正文。\n", 11, /thematicBreak/],
    ["a # heading", "# 标题\n\n正文。\n", 9, /front matter/],
    ["a #### heading", "正文。\n\n#### 小标题\n", 11, /heading level 4/],
    ["an image inside text", "看这张图 ![图](a.jpg) 很好。\n", 9, /stand alone/],
    ["an image without a caption", "正文。\n\n![](a.jpg)\n", 11, /caption/],
    ["a javascript: link", "[点我](javascript:alert(1))\n", 9, /not http/],
    ["a reference link", "[链接][ref]\n\n[ref]: https://example.com\n", 9, /linkReference|definition/],
    ["a heading inside a note", "正文。\n\n> ## 标题\n", 11, /paragraphs only/],
    ["a figure inside a note", "正文。\n\n> 注:\n>\n> ![图](a.jpg)\n", 13, /paragraphs only/],
  ])("%s", (_name, body, line, reason) => {
    const error = failure(body);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(reason);
    expect(error.message.startsWith(`content/test.md:${line}: `)).toBe(true);
  });

  it("a file without front matter", () => {
    expect(failure("正文。\n", "").message).toMatch(/missing front matter/);
  });

  it("a misspelt or missing front-matter field", () => {
    const error = failure("正文。\n", frontMatter.replace("author: Golem", "auther: Golem"));
    expect(error.message).toMatch(/author/);
    expect(error.message).toMatch(/auther/);
  });

  it("a slug that could not be a URL segment", () => {
    expect(failure("正文。\n", frontMatter.replace("slug: test-essay", "slug: Test Essay")).message).toMatch(/slug/);
  });

  it("JavaScript front matter, which gray-matter would otherwise evaluate", () => {
    const head = `---js\n{ slug: (globalThis.__evaluated = "test-essay") }\n---\n`;
    expect(failure("正文。\n", head)).toBeInstanceOf(ContentError);
    expect((globalThis as { __evaluated?: string }).__evaluated).toBeUndefined();
  });

  it("an essay with no paragraphs", () => {
    expect(failure("## 只有标题\n").message).toMatch(/no paragraphs/);
  });
});
