/**
 * The comment reads a reader's page makes: `comments.list`'s first page, Top and Newest, on the
 * 100,000-comment essay and on the 10,000-comment copy (the cost must not grow with the total),
 * the Top page again as a signed-in reader sees it, and the essay page, which server-renders that
 * first page with the essay.
 */
import type { RawResponse } from "../lib/http.ts";
import { decodedBody } from "../lib/encoding.ts";
import { queryPath, readAnswer } from "../lib/trpc-wire.ts";
import { essayPage } from "../essay-targets.ts";
import type { BenchTarget } from "../targets.ts";
import { benchUserId, sessionCookieFor } from "../lib/accounts.ts";
import type { Accounts } from "./fixture.ts";
import type { CommentTree } from "./seed.ts";

export const listGoal = { minPerSecond: 1000, maxP99Ms: 30 };
const pageSize = 20;

function checkFirstPage(response: RawResponse, tree: CommentTree): string[] {
  if (response.status !== 200) return [`status ${response.status}, expected 200`];
  const answer = readAnswer<{ items?: unknown[]; totalCount?: unknown }>(decodedBody(response).toString("utf8"));
  if (!answer.ok) return [`error ${answer.code ?? ""} ${answer.message ?? ""}`.trim()];
  const problems: string[] = [];
  const items = answer.data.items;
  if (!Array.isArray(items) || items.length !== pageSize) problems.push(`${Array.isArray(items) ? items.length : "no"} items, expected ${pageSize}`);
  const total = answer.data.totalCount;
  if (typeof total !== "number" || total < tree.count) problems.push(`totalCount ${String(total)}, expected at least the ${tree.count} seeded`);
  return problems;
}

export function firstPageTarget(tree: () => CommentTree, sort: "top" | "newest", size: string): BenchTarget {
  return {
    label: `\`comments.list\` first page, ${sort === "top" ? "Top" : "Newest"}, ${size} comments`,
    path: () => queryPath("comments.list", { slug: tree().slug, sort, limit: pageSize }),
    check: (response) => checkFirstPage(response, tree()),
    goal: listGoal,
  };
}

/**
 * The same first page (Top) read by a signed-in reader, whose answer carries their own upvotes and
 * authorship and so cannot come from the shared read cache (server/http/read-cache.ts): one
 * account of the voters, who have not voted yet when the reads run (reads come before writes).
 */
export function signedInFirstPageTarget(tree: () => CommentTree, accounts: () => Accounts, size: string): BenchTarget {
  return {
    ...firstPageTarget(tree, "top", size),
    label: `\`comments.list\` first page, Top, ${size} comments, signed in`,
    headers: () => ({ cookie: sessionCookieFor(benchUserId(accounts().prefix, 1)) }),
    check: (response) => {
      const problems = checkFirstPage(response, tree());
      const answer = readAnswer<{ items?: Array<{ viewer?: unknown }> }>(decodedBody(response).toString("utf8"));
      if (answer.ok && answer.data.items?.some((item) => item.viewer === null)) problems.push("viewer is null: the request was not signed in");
      return problems;
    },
  };
}

/** The essay page again, now with comments seeded: it must carry their first page. */
export function essayPageWithComments(tree: () => CommentTree): BenchTarget {
  return {
    ...essayPage,
    label: "essay page with its first comment page `GET /`",
    compareWithCeiling: false,
    measureFirstLoadJs: false,
    goal: { maxP99Ms: 100 },
    remarks(response) {
      const html = decodedBody(response).toString("utf8");
      const rendered = html.match(/id="comment-[^"]+"/g)?.length ?? 0;
      return rendered > 0
        ? []
        : [`the essay page carries no server-rendered comment (no id="comment-…" among ${tree().count.toLocaleString("en-US")} seeded): its row measures the page without them.`];
    },
  };
}
