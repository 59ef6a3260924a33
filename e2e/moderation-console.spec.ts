/**
 * The moderation console's pages at phone and desktop width: no serious or critical axe-core
 * violation, nothing scrolling sideways, and screenshots in test-results/screenshots/
 * (moderate-*.png) of the queue with a held comment, the reject dialog, the key list and the
 * audit log.
 */
import { join } from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./fixtures/axe.ts";
import { moderationEssaySlug } from "./fixtures/moderation-data.ts";
import { createSignedInReader } from "./fixtures/readers.ts";
import { expect, test } from "./fixtures/test.ts";

const moderatorEmail = "console-admin@example.com";
const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

async function check(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expectNoSeriousAxeViolations(page, testInfo);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
  const path = join(testInfo.project.outputDir, "screenshots", `${name}.png`);
  const body = await page.screenshot({ path, fullPage: true, animations: "disabled" });
  await testInfo.attach(name, { body, contentType: "image/png" });
}

test("the console's pages are accessible and fit a phone and a desktop", async ({ browser, mailbox, pageProblems }, testInfo) => {
  test.setTimeout(300_000);
  const fixtures = { browser, pageProblems, mailbox };
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

  // Something to review: a comment on the essay that pre-moderates everything (moderation-data.ts).
  const author = await createSignedInReader(fixtures, `console-author-${run}@example.com`, `/essays/${moderationEssaySlug}`);
  const comments = author.page.getByTestId("comments");
  await comments.scrollIntoViewIfNeeded();
  await expect(comments).toHaveAttribute("data-ready", "");
  const textarea = comments.getByTestId("comment-composer").first().getByTestId("comment-textarea");
  await textarea.fill(`我觉得“退圈”这个说法有点夸张，身边做 Web3 的朋友大多只是换了赛道。${run}`);
  await textarea.press("Control+Enter");
  await expect(comments.getByTestId("comment-moderation")).toBeVisible();
  await author.context.close();

  const moderator = (await createSignedInReader(fixtures, moderatorEmail, "/moderate")).page;
  for (const [label, size] of Object.entries(widths)) {
    await moderator.setViewportSize(size);
    await moderator.goto("/moderate?queue=held");
    await expect(moderator.getByTestId("queue-item").first()).toBeVisible();
    await check(moderator, testInfo, `moderate-held-${label}`);

    await moderator.keyboard.press("j");
    await moderator.keyboard.press("r");
    await expect(moderator.getByTestId("reject-dialog")).toBeVisible();
    await check(moderator, testInfo, `moderate-reject-dialog-${label}`);
    await moderator.keyboard.press("Escape");
    await expect(moderator.getByTestId("reject-dialog")).toBeHidden();

    await moderator.keyboard.press("?");
    await expect(moderator.getByTestId("keys-dialog")).toBeVisible();
    await check(moderator, testInfo, `moderate-keys-${label}`);
    await moderator.keyboard.press("Escape");

    await moderator.getByTestId("queue-tab-rejected").click();
    await expect(moderator.getByTestId("queue-tab-rejected")).toHaveAttribute("aria-selected", "true");
    await expect(moderator.getByTestId("queue-list").or(moderator.getByTestId("queue-empty"))).toBeVisible();
    await check(moderator, testInfo, `moderate-rejected-${label}`);

    await moderator.goto("/moderate/log");
    await expect(moderator.getByTestId("log-entries").or(moderator.getByTestId("log-empty"))).toBeVisible();
    await check(moderator, testInfo, `moderate-log-${label}`);
  }
  await moderator.context().close();
});
