/**
 * Paragraph discussion and comment permalinks (issue 4), in Chromium against the production build:
 * a comment started from a paragraph's margin (counted there, quoting the paragraph and linking
 * back to it, the section filtered to that paragraph); the permalink /c/<id> of a comment pages
 * deep in the list, shown in context; a reply chain deeper than six levels continued on the
 * comment's own page; and the 404 view for a comment that does not exist.
 *
 * The permalink data (an essay of its own, 65 top-level comments, a nine-deep chain, readers with
 * sessions) is written before the app starts: e2e/fixtures/permalink-data.ts.
 */
import { t } from "./fixtures/content.ts";
import {
  chainBody,
  chainCommentId,
  deepCommentId,
  deepReplyBody,
  deepReplyId,
  permalinkAuthorName,
  permalinkEssaySlug,
  permalinkEssayTitle,
  permalinkReaderToken,
} from "./fixtures/permalink-data.ts";
import { signInWithSession } from "./fixtures/readers.ts";
import { e2eBaseUrl, scaled } from "./fixtures/settings.ts";
import { expectHydrated } from "./fixtures/hydrated.ts";
import { expect, test } from "./fixtures/test.ts";

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("a comment started from a paragraph's margin is counted there, quotes the paragraph, and the section filters to it", async ({ page, context }) => {
  await signInWithSession(context, permalinkReaderToken(1));
  await page.goto("/");
  // The margin's buttons open the paragraph's discussion in place once the page is hydrated.
  await expectHydrated(page);
  // A paragraph no other spec comments on.
  const paragraph = page.locator('article p[id^="p-"]').nth(7);
  const key = (await paragraph.getAttribute("id"))!.slice("p-".length);
  const opening = (await paragraph.innerText()).trim().slice(0, 12);
  const marginButton = page.locator(`a[data-paragraph-comments="${key}"]`);

  await paragraph.hover();
  await marginButton.click();
  await expect(page).toHaveURL((url) => url.searchParams.get("paragraph") === key && url.hash === "#comments");
  const discussion = page.getByTestId("paragraph-discussion");
  await expect(discussion).toBeVisible();
  await expect(discussion.getByTestId("paragraph-filter-chip")).toContainText(t("zh", "comments.paragraph.filterChip"));
  await expect(discussion.getByTestId("paragraph-quote")).toContainText(opening);

  const body = unique("这一段说得对");
  const textarea = discussion.getByRole("textbox", { name: t("zh", "comments.paragraph.composerLabel") });
  await expect(textarea).toBeFocused();
  await textarea.fill(body);
  await discussion.getByTestId("comment-submit").click();

  const posted = discussion.getByTestId("comment").filter({ hasText: body });
  await expect(posted).toBeVisible();
  const quote = posted.getByTestId("comment-paragraph");
  await expect(quote).toContainText(opening);
  await expect(quote).toHaveAttribute("href", `#p-${key}`);
  // The margin counts it at once.
  await expect(marginButton.locator("[data-paragraph-count]")).toHaveText(/^[1-9]\d*$/);
  await expect(marginButton).not.toHaveAttribute("data-empty");

  // Reloaded, the filter holds: every comment listed is about this paragraph, ours among them.
  await page.reload();
  const filtered = page.getByTestId("paragraph-discussion");
  await expect(filtered.getByTestId("comment").filter({ hasText: body })).toBeVisible();
  const quotes = filtered.getByTestId("comments-list").locator(":scope > li > [data-testid=comment] [data-testid=comment-paragraph]");
  const items = filtered.getByTestId("comments-list").locator(":scope > li");
  expect(await quotes.count()).toBe(await items.count());
  for (const href of await quotes.evaluateAll((links) => links.map((link) => link.getAttribute("href")))) expect(href).toBe(`#p-${key}`);
  // In the margin of a fresh page too: the server's counts are at most a moment old (server/comments/counts.ts).
  await expect(async () => {
    await page.reload();
    await expect(page.locator(`a[data-paragraph-comments="${key}"] [data-paragraph-count]`)).toHaveText(/^[1-9]\d*$/, { timeout: scaled(2_000) });
  }).toPass();

  // The quote leads back to the paragraph.
  await filtered.getByTestId("comment").filter({ hasText: body }).getByTestId("comment-paragraph").click();
  await expect(page.locator(`#p-${key}`)).toBeInViewport();

  // "Show all" clears the filter: the whole section again.
  await page.getByTestId("paragraph-filter-clear").click();
  await expect(page).toHaveURL((url) => !url.searchParams.has("paragraph"));
  await expect(page.getByTestId("paragraph-discussion")).toHaveCount(0);
  await expect(page.getByTestId("comments-heading")).toContainText(t("zh", "comments.title"));
});

test("the permalink of a comment pages deep in the list shows it in context, and a reader can reply there", async ({ page, context, request }) => {
  // Deep indeed: not among the first three pages of the essay's comments.
  const firstPages: string[] = [];
  let cursor: string | null = null;
  for (let pageIndex = 0; pageIndex < 3; pageIndex += 1) {
    const input = { slug: permalinkEssaySlug, sort: "top", limit: 20, ...(cursor ? { cursor } : {}) };
    const response = await request.get(`/api/trpc/comments.list?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
    const list = (await response.json()) as { result: { data: { json: { items: { id: string }[]; nextCursor: string | null } } } };
    firstPages.push(...list.result.data.json.items.map((item) => item.id));
    cursor = list.result.data.json.nextCursor;
  }
  expect(firstPages).toHaveLength(60);
  expect(firstPages).not.toContain(deepCommentId);

  await signInWithSession(context, permalinkReaderToken(2));
  await page.goto(`/c/${deepReplyId}`);
  await expect(page).toHaveTitle(`${permalinkAuthorName}：${deepReplyBody} · ${t("zh", "common.siteName")}`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${e2eBaseUrl}/c/${deepReplyId}`);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", new RegExp(deepReplyBody));

  await expect(page.getByTestId("permalink-essay")).toContainText(permalinkEssayTitle);
  await expect(page.getByTestId("permalink-essay")).toHaveAttribute("href", `/essays/${permalinkEssaySlug}`);
  await expect(page.getByTestId("permalink-all-comments")).toHaveAttribute("href", `/essays/${permalinkEssaySlug}#comments`);
  const thread = page.getByTestId("comment-thread");
  // The interactive thread, in place of the server HTML.
  await expect(thread).toBeVisible();
  await expect(thread.getByTestId("comment-ancestors").locator(`[data-comment-id="${deepCommentId}"]`)).toBeVisible();
  await expect(thread.locator(`[data-comment-id="${deepReplyId}"]`).getByTestId("comment-body").first()).toHaveText(deepReplyBody);

  // A reply from the page's composer appears under the comment.
  const reply = unique("在链接页上回复");
  await page.getByRole("textbox", { name: t("zh", "comments.composer.replyLabel").replace("{name}", permalinkAuthorName) }).last().fill(reply);
  await page.getByTestId("comment-submit").last().click();
  await expect(thread.locator(`[data-comment-id="${deepReplyId}"]`).getByTestId("comment-body").filter({ hasText: reply })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("comment-thread").getByTestId("comment-body").filter({ hasText: reply })).toBeVisible();
});

test("a reply chain deeper than six levels continues on the comment's own page", async ({ page }) => {
  await page.goto(`/c/${chainCommentId(0)}`);
  const thread = page.getByTestId("comment-thread");
  // The interactive thread, in place of the server HTML.
  await expect(thread).toBeVisible();
  // Each level comes with its first replies; deeper ones open on demand.
  for (let depth = 0; depth <= 6; depth += 1) {
    const comment = thread.locator(`[data-comment-id="${chainCommentId(depth)}"]`);
    if (!(await comment.isVisible())) await thread.getByTestId("more-replies").first().click();
    await expect(comment).toBeVisible();
  }
  await expect(thread.locator(`[data-comment-id="${chainCommentId(7)}"]`)).toHaveCount(0);

  const more = thread.getByTestId("continue-thread");
  await expect(more).toHaveText(t("zh", "comments.item.continueThread"));
  await more.click();
  await expect(page).toHaveURL(`${e2eBaseUrl}/c/${chainCommentId(6)}`);

  const continued = page.getByTestId("comment-thread");
  await expect(continued).toHaveAttribute("data-comment-id", chainCommentId(6));
  // Six comments above it: the root and the parent show, the four between fold.
  const ancestors = continued.getByTestId("comment-ancestors");
  await expect(ancestors.locator(`[data-comment-id="${chainCommentId(0)}"]`)).toBeVisible();
  await expect(ancestors.locator(`[data-comment-id="${chainCommentId(5)}"]`)).toBeVisible();
  await expect(ancestors.locator(`[data-comment-id="${chainCommentId(2)}"]`)).toHaveCount(0);
  await continued.getByTestId("earlier-comments").click();
  for (let depth = 0; depth < 6; depth += 1) await expect(ancestors.locator(`[data-comment-id="${chainCommentId(depth)}"]`)).toBeVisible();
  // The rest of the chain, below it.
  for (const depth of [7, 8]) await expect(continued.locator(`[data-comment-id="${chainCommentId(depth)}"]`).getByTestId("comment-body").first()).toHaveText(chainBody(depth));
});

test("the permalink of a comment that does not exist is the 404 page", async ({ page, pageProblems }) => {
  pageProblems.allow(/404/);
  const response = await page.goto("/c/e2e-no-such-comment");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("zh", "common.notFound.title"));
});
