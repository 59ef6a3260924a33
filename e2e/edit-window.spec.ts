/**
 * Editing a comment after the 10-minute grace window (issue 4, "edit (both windows)"), in Chromium
 * against the production build: the new text shows with the "已编辑" marker, and anyone can open
 * the edit history and read what it replaced. (An edit within the window is silent:
 * e2e/comments.spec.ts.)
 *
 * The comment has to be older than the window before the app starts, since the app then holds the
 * database: it is written by e2e/fixtures/edit-window-data.ts, on an essay of its own, with the
 * author and a second reader signed in by known session tokens.
 */
import type { Locator, Page } from "@playwright/test";
import { t } from "./fixtures/content.ts";
import {
  editWindowAuthorName,
  editWindowCommentId,
  editWindowEssaySlug,
  editWindowOriginalBody,
  editWindowToken,
} from "./fixtures/edit-window-data.ts";
import { signInWithSession } from "./fixtures/readers.ts";
import { expect, test } from "./fixtures/test.ts";

const editedBody = "过了十分钟才改写的说法";

/** Opens the essay's comments and waits for the interactive section (it loads as its own chunk). */
async function openComments(page: Page): Promise<Locator> {
  await page.goto(`/essays/${editWindowEssaySlug}#comments`);
  const comments = page.getByTestId("comments");
  await comments.scrollIntoViewIfNeeded();
  await expect(comments).toHaveAttribute("data-ready", "");
  return comments;
}

/** The comment's own row (body, marker, actions), without any replies. */
function ownRow(comments: Locator): Locator {
  return comments.locator(`[data-comment-id="${editWindowCommentId}"]`).first().locator(":scope > div").first();
}

/** The history dialog: each text the comment had before, then the current one. */
async function expectHistory(page: Page): Promise<void> {
  const dialog = page.getByRole("dialog", { name: t("zh", "comments.history.title") });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("comment-revision")).toHaveCount(1);
  await expect(dialog.getByTestId("comment-revision")).toContainText(editWindowOriginalBody);
  await expect(dialog).toContainText(t("zh", "comments.history.current"));
  await expect(dialog).toContainText(editedBody);
}

test("an edit after the 10-minute window marks the comment “已编辑”, and any reader can open its history and read the original", async ({ page, context, browser, request, pageProblems }) => {
  // The author edits through the UI. Before: the original text, no marker.
  await signInWithSession(context, editWindowToken("author"));
  const comments = await openComments(page);
  const row = ownRow(comments);
  await expect(row.getByTestId("comment-author")).toHaveText(editWindowAuthorName);
  await expect(row.getByTestId("comment-body")).toHaveText(editWindowOriginalBody);
  await expect(row.getByTestId("comment-edited")).toHaveCount(0);

  await row.getByRole("button", { name: t("zh", "comments.item.edit"), exact: true }).click();
  const editor = row.getByTestId("comment-editor");
  await expect(editor.getByTestId("comment-textarea")).toHaveValue(editWindowOriginalBody);
  await editor.getByTestId("comment-textarea").fill(editedBody);
  await editor.getByTestId("comment-submit").click();
  await expect(editor).toHaveCount(0);
  await expect(row.getByTestId("comment-body")).toHaveText(editedBody);
  await expect(row.getByTestId("comment-edited")).toHaveText(t("zh", "comments.item.edited"));

  // Another reader, in a browser context of their own, sees the new text and the marker (and may not edit).
  const other = await browser.newContext();
  await pageProblems.watch(other);
  try {
    await signInWithSession(other, editWindowToken("other"));
    const reader = await other.newPage();
    const theirs = ownRow(await openComments(reader));
    await expect(theirs.getByTestId("comment-body")).toHaveText(editedBody);
    await expect(theirs.getByRole("button", { name: t("zh", "comments.item.edit"), exact: true })).toHaveCount(0);
    const marker = theirs.getByTestId("comment-edited");
    await expect(marker).toHaveText(t("zh", "comments.item.edited"));
    await marker.click();
    await expectHistory(reader);
    await reader.getByRole("dialog").getByRole("button", { name: t("zh", "comments.history.close"), exact: true }).click();
    await expect(reader.getByRole("dialog")).toHaveCount(0);

    // After a reload all of it is still there (the server kept it); the marker works from the keyboard too.
    await reader.reload();
    const again = ownRow(await openComments(reader));
    await expect(again.getByTestId("comment-body")).toHaveText(editedBody);
    const markerAgain = again.getByTestId("comment-edited");
    await markerAgain.focus();
    await reader.keyboard.press("Enter");
    await expectHistory(reader);
    await reader.keyboard.press("Escape");
    await expect(reader.getByRole("dialog")).toHaveCount(0);
    await expect(markerAgain).toBeFocused();
  } finally {
    await other.close();
  }

  // The author's reload shows the same.
  await page.reload();
  const reloaded = ownRow(await openComments(page));
  await expect(reloaded.getByTestId("comment-body")).toHaveText(editedBody);
  await expect(reloaded.getByTestId("comment-edited")).toHaveText(t("zh", "comments.item.edited"));

  // The history is public: signed out, the API gives the original text too.
  const input = encodeURIComponent(JSON.stringify({ json: { commentId: editWindowCommentId } }));
  const response = await request.get(`/api/trpc/comments.history?input=${input}`);
  expect(response.ok()).toBe(true);
  const history = (await response.json()) as { result: { data: { json: { revisions: { bodyHtml: string }[] } } } };
  expect(history.result.data.json.revisions.map((revision) => revision.bodyHtml)).toEqual([expect.stringContaining(editWindowOriginalBody)]);
});
