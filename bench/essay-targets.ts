/**
 * The foundation issue's targets: the essay page (the page readers load) and `essay.get` (the
 * procedure behind it, as the browser's batch link asks for it).
 */
import superjson from "superjson";
import { decodedBody } from "./lib/encoding.ts";
import type { BenchTarget } from "./targets.ts";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

export const essayPage: BenchTarget = {
  label: "essay page `GET /`",
  path: () => "/",
  compareWithCeiling: true,
  measureFirstLoadJs: true,
  goal: { maxP99Ms: 50 },
  check(response, essay) {
    const problems: string[] = [];
    if (response.status !== 200) problems.push(`status ${response.status}, expected 200`);
    if (!String(response.headers["content-type"] ?? "").includes("text/html")) {
      problems.push(`content-type ${response.headers["content-type"]}, expected text/html`);
    }
    const html = decodedBody(response).toString("utf8");
    // The heading's text, without the markup inside it (<wbr> break hints, React's comments).
    const h1Text = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<!--[\s\S]*?-->|<[^>]+>/g, "");
    if (!/<article\b/.test(html)) problems.push("no <article>");
    if (!h1Text?.includes(escapeHtml(essay.title))) problems.push("the essay title is not in an <h1>");
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
