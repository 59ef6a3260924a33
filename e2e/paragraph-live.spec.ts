/**
 * The paragraph-filtered comment view (?paragraph=<key>) is live like the whole section: a new
 * comment about that paragraph by someone else waits behind the "N new comments" button, and
 * comments about other paragraphs, or about none, do not.
 */
import { apiReader, trpcMutation } from "./fixtures/api-reader.ts";
import type { Mailbox } from "./fixtures/smtp.ts";
import { expect, test } from "./fixtures/test.ts";

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Posts as a fresh reader of its own (one comment per account every 5 s). */
async function postAsNewReader(mailbox: Mailbox, tag: string, input: { body: string; paragraphKey?: string }): Promise<void> {
  const api = await apiReader(mailbox, `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`);
  try {
    await trpcMutation(api, "comments.create", input);
  } finally {
    await api.dispose();
  }
}

test("a new comment about the filtered paragraph arrives behind the button; others do not", async ({ page, mailbox }) => {
  await page.goto("/");
  // Paragraphs no other spec comments on.
  const keyOf = async (n: number) => (await page.locator('article p[id^="p-"]').nth(n).getAttribute("id"))!.slice("p-".length);
  const key = await keyOf(11);
  const otherKey = await keyOf(12);

  const liveOpened = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/trpc/live.page");
  await page.goto(`/?paragraph=${key}#comments`);
  const discussion = page.getByTestId("paragraph-discussion");
  await expect(discussion).toBeVisible();
  await liveOpened;

  const elsewhere = unique("另一段的评论");
  const unfiltered = unique("不关于段落的评论");
  const here = unique("这一段的新评论");
  await postAsNewReader(mailbox, "other-paragraph", { body: elsewhere, paragraphKey: otherKey });
  await postAsNewReader(mailbox, "no-paragraph", { body: unfiltered });
  await postAsNewReader(mailbox, "this-paragraph", { body: here, paragraphKey: key });

  // Events arrive in order: once this paragraph's comment is counted, the two before it were
  // seen and left out.
  const button = discussion.getByTestId("new-comments");
  await expect(button).toHaveText("↑ 1 条新评论");
  await expect(discussion.getByText(here)).toHaveCount(0);

  await button.click();
  await expect(discussion.getByText(here)).toBeVisible();
  await expect(button).toHaveCount(0);
  await expect(discussion.getByText(elsewhere)).toHaveCount(0);
  await expect(discussion.getByText(unfiltered)).toHaveCount(0);
});
