/**
 * The essay margin's comment counts follow the live comment events: a comment about a paragraph
 * posted in another browser raises that paragraph's count without a reload, and the reader's own
 * comment is counted once (when the post succeeds), not again when its event comes back.
 */
import type { Page } from "@playwright/test";
import { apiReader, trpcMutation } from "./fixtures/api-reader.ts";
import { t } from "./fixtures/content.ts";
import { createSignedInReader } from "./fixtures/readers.ts";
import { viewports } from "./fixtures/settings.ts";
import { signInByEmail } from "./fixtures/sign-in.ts";
import type { Mailbox } from "./fixtures/smtp.ts";
import { expect, test } from "./fixtures/test.ts";

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The number in a paragraph's margin button (an empty count shows nothing: 0). */
async function marginCount(page: Page, key: string): Promise<number> {
  const text = (await page.locator(`a[data-paragraph-comments="${key}"] [data-paragraph-count]`).textContent()) ?? "";
  return text === "" ? 0 : Number(text);
}

/** Comments on the paragraph from its margin button, in the page's own paragraph view. */
async function commentFromMargin(page: Page, key: string, body: string): Promise<void> {
  await page.locator(`#p-${key}`).hover();
  await page.locator(`a[data-paragraph-comments="${key}"]`).click();
  const discussion = page.getByTestId("paragraph-discussion");
  await discussion.getByRole("textbox", { name: t("zh", "comments.paragraph.composerLabel") }).fill(body);
  await discussion.getByTestId("comment-submit").click();
  await expect(discussion.getByTestId("comment").filter({ hasText: body })).toBeVisible();
}

/** Posts as a fresh reader of its own (one comment per account every 5 s). */
async function postAsNewReader(mailbox: Mailbox, input: { body: string; paragraphKey: string }): Promise<void> {
  const api = await apiReader(mailbox, `margin-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`);
  try {
    await trpcMutation(api, "comments.create", input);
  } finally {
    await api.dispose();
  }
}

test("a paragraph's margin count follows others' comments live, and counts the reader's own once", async ({ page, browser, mailbox, email, pageProblems }, testInfo) => {
  await signInByEmail(page, mailbox, email, "/");
  // A paragraph no other spec comments on.
  const key = (await page.locator('article p[id^="p-"]').nth(14).getAttribute("id"))!.slice("p-".length);

  // The comment section loaded (it brings the margin's fresh counts and the live events).
  const liveOpened = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/trpc/live.page");
  const countsRead = page.waitForResponse((response) => response.url().includes("comments.paragraphCounts"));
  await page.goto("/#comments");
  await Promise.all([liveOpened, countsRead]);
  await page.locator(`#p-${key}`).scrollIntoViewIfNeeded();
  const before = await marginCount(page, key);

  // Someone else, in a browser of their own, comments on the paragraph: the count goes up here.
  const { context: other, page: otherPage } = await createSignedInReader({ browser, pageProblems, mailbox }, `other-${email}`);
  await commentFromMargin(otherPage, key, unique("另一位读者说这一段"));
  await other.close();
  const button = page.locator(`a[data-paragraph-comments="${key}"]`);
  await expect(button.locator("[data-paragraph-count]")).toHaveText(String(before + 1));
  await expect(button).not.toHaveAttribute("data-empty");
  await expect(button).toHaveAttribute("aria-label", new RegExp(String(before + 1)));

  // The reader's own comment: counted when it is posted…
  await commentFromMargin(page, key, unique("我也说这一段"));
  await expect(button.locator("[data-paragraph-count]")).toHaveText(String(before + 2));
  // …and not again by its own event: events arrive in order, so once a later comment waits behind
  // the paragraph view's "new comments" button, the reader's own event was seen before it.
  await postAsNewReader(mailbox, { body: unique("第三位读者"), paragraphKey: key });
  await expect(page.getByTestId("paragraph-discussion").getByTestId("new-comments")).toHaveText("↑ 1 条新评论");
  // The margin is written after React renders the event: wait for a frame and the task after it.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  expect(await marginCount(page, key)).toBe(before + 3);

  // How the margin looks with its live count, at both widths (attached to the report).
  for (const [name, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    await page.locator(`#p-${key}`).scrollIntoViewIfNeeded();
    const path = testInfo.outputPath(`margin-${name}.png`);
    await page.screenshot({ path });
    await testInfo.attach(`margin-${name}`, { path, contentType: "image/png" });
  }
});
