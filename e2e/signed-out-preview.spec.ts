/**
 * A signed-out reader drafting a comment can preview it before signing in: the server renders the
 * draft (comments.preview is public, limited per address) exactly as posting would.
 */
import { expect, test } from "./fixtures/test.ts";

test("a signed-out reader previews a draft", async ({ page }) => {
  await page.goto("/#comments");
  const comments = page.getByTestId("comments");
  await comments.scrollIntoViewIfNeeded();
  await expect(comments).toHaveAttribute("data-ready", "");
  const composer = comments.getByTestId("comment-composer").first();
  await expect(composer.getByTestId("comment-sign-in")).toBeVisible();
  await composer.getByTestId("comment-textarea").fill("**加粗** 和 [链接](https://example.org)");
  await composer.getByRole("tab", { name: "预览" }).click();

  const preview = composer.getByTestId("comment-preview");
  await expect(preview.locator("strong")).toHaveText("加粗");
  await expect(preview.getByRole("link", { name: "链接" })).toHaveAttribute("rel", "nofollow ugc noopener");
});
