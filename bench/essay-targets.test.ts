/**
 * The essay page's answer check: a page whose heading carries line-break hints (<wbr>, as the
 * title has for its Chinese line breaks) is the right page; one without the title is not.
 */
import { describe, expect, it } from "vitest";
import { essayPage } from "./essay-targets.ts";

const essay = { slug: "tuiquan", title: "第一批00后Web3打工人已经开始“退圈”了" };
const paragraphs = Array.from({ length: 12 }, (_, index) => `<p id="p-${index}">段落</p>`).join("");

function answer(h1: string) {
  const html = `<!DOCTYPE html><html><body><article><h1 class="title">${h1}</h1>${paragraphs}</article></body></html>`;
  return { status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: Buffer.from(html) };
}

describe("the essay page's check", () => {
  it("accepts a heading whose title is split by <wbr> hints and React's comments", () => {
    expect(essayPage.check(answer("第一批00后Web3<wbr/>打工人已经开始<!-- -->“退圈”了"), essay)).toEqual([]);
  });

  it("refuses a page whose heading is not the essay's title", () => {
    expect(essayPage.check(answer("页面未找到"), essay)).toEqual(["the essay title is not in an <h1>"]);
  });
});
