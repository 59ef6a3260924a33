/**
 * What the bench loads. Each target says which request to send, what a correct answer looks like
 * (checked before and after the load, so a fast error page can never pass for a fast page) and,
 * when it needs data the seed does not provide, how to write that data.
 *
 * Adding a target (comments, polls): append to `targets`. If it needs data (100,000 comments…),
 * give it a `seed`: it runs once per database, after migrations and the essay seed, before the
 * server starts (an embedded PGlite data folder can be open in only one process at a time).
 */
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import superjson from "superjson";
import type { Db } from "@/server/db/client.ts";
import type { RawResponse } from "./lib/http.ts";
import { decodedBody } from "./lib/encoding.ts";

export interface EssayFacts {
  slug: string;
  title: string;
}

export interface BenchTarget {
  /** The "target" column of the table. */
  label: string;
  path(essay: EssayFacts): string;
  /** Problems with an answer; empty when it is the right one. */
  check(response: RawResponse, essay: EssayFacts): string[];
  /** Measure a bare node:http server serving this target's bytes, and this target as a share of it. */
  compareWithCeiling?: boolean;
  /** Measure the JavaScript this page loads first. */
  measureFirstLoadJs?: boolean;
  /** Writes the data this target reads; see the comment at the top. */
  seed?(db: Db, essay: EssayFacts): Promise<void>;
}

export function readEssayFacts(projectDir: string): EssayFacts {
  const { data } = matter(fs.readFileSync(path.join(projectDir, "content/essay.md"), "utf8"));
  if (typeof data.slug !== "string" || typeof data.title !== "string") {
    throw new Error("content/essay.md has no slug or title in its front matter");
  }
  return { slug: data.slug, title: data.title };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export const essayPage: BenchTarget = {
  label: "essay page `GET /`",
  path: () => "/",
  compareWithCeiling: true,
  measureFirstLoadJs: true,
  check(response, essay) {
    const problems: string[] = [];
    if (response.status !== 200) problems.push(`status ${response.status}, expected 200`);
    if (!String(response.headers["content-type"] ?? "").includes("text/html")) {
      problems.push(`content-type ${response.headers["content-type"]}, expected text/html`);
    }
    const html = decodedBody(response).toString("utf8");
    const titleInH1 = new RegExp(`<h1\\b[^>]*>(?:(?!</h1>)[\\s\\S])*${escapeRegExp(escapeHtml(essay.title))}`);
    if (!/<article\b/.test(html)) problems.push("no <article>");
    if (!titleInH1.test(html)) problems.push("the essay title is not in an <h1>");
    const paragraphs = html.match(/<p\b[^>]*\bid="p-[^"]+"/g)?.length ?? 0;
    if (paragraphs < 10) problems.push(`${paragraphs} paragraphs with id="p-…", expected the essay's`);
    return problems;
  },
};

export const essayGet: BenchTarget = {
  label: "tRPC `essay.get`",
  // The request the browser client sends: httpBatchLink's GET with superjson-serialised input.
  path: (essay) =>
    `/api/trpc/essay.get?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: superjson.serialize({ slug: essay.slug }) }))}`,
  check(response, essay) {
    if (response.status !== 200) return [`status ${response.status}, expected 200`];
    try {
      const batch = JSON.parse(decodedBody(response).toString("utf8")) as Array<{ result?: { data?: { json?: { title?: unknown } } } }>;
      const title = batch[0]?.result?.data?.json?.title;
      return title === essay.title ? [] : [`title ${JSON.stringify(title)}, expected ${JSON.stringify(essay.title)}`];
    } catch {
      return ["the answer is not JSON"];
    }
  },
};

export const targets: BenchTarget[] = [essayPage, essayGet];
