/**
 * Moderation as readers and a moderator live it (issue 10): a comment on an essay that pre-moderates
 * everything (moderation-data.ts) waits for review, marked for its author and invisible to others,
 * until the moderator approves it from the held queue; another reader reports it, the reported
 * queue's count rises, the moderator removes it with the keyboard only, and the author sees
 * "removed" with the reason and the note.
 */
import type { Locator, Page } from "@playwright/test";
import { t } from "./fixtures/content.ts";
import { e2eBaseUrl } from "./fixtures/settings.ts";
import { moderationEssaySlug } from "./fixtures/moderation-data.ts";
import { createSignedInReader } from "./fixtures/readers.ts";
import { signInByEmail } from "./fixtures/sign-in.ts";
import { expect, test } from "./fixtures/test.ts";

/** Granted ADMIN at sign-in by the e2e app's ADMIN_EMAILS (e2e/global-setup.ts). */
const moderatorEmail = "report-admin@example.com";
const essayPath = `/essays/${moderationEssaySlug}`;
const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Loads the essay afresh at its comments (a reload when already there: a hash change would not reload). */
async function openComments(page: Page): Promise<Locator> {
  if (new URL(page.url()).pathname === essayPath) await page.reload();
  else await page.goto(`${essayPath}#comments`);
  const comments = page.getByTestId("comments");
  await comments.scrollIntoViewIfNeeded();
  await expect(comments).toHaveAttribute("data-ready", "");
  await expect(comments.getByTestId("comments-skeleton")).toHaveCount(0);
  return comments;
}

function commentWithText(scope: Locator, text: string): Locator {
  return scope.getByTestId("comment").filter({ has: scope.page().getByTestId("comment-body").getByText(text, { exact: true }) }).last();
}

/** Presses j until the console's active item is the one with `text` (other tests may fill the queue too). */
async function moveTo(console: Page, text: string): Promise<void> {
  const active = console.locator('[data-testid="queue-item"][data-active]');
  for (let step = 0; step < 60; step++) {
    await console.keyboard.press("j");
    await expect(active).toHaveCount(1);
    if ((await active.getByTestId("queue-item-body").textContent())?.includes(text)) return;
  }
  throw new Error(`"${text}" is not in the queue`);
}

test("a comment on a pre-moderated essay waits for review, is approved, reported, and removed with the keyboard; its author sees why", async ({
  browser,
  page,
  mailbox,
  email,
  pageProblems,
}) => {
  test.setTimeout(300_000);
  const fixtures = { browser, pageProblems, mailbox };
  const text = unique("这段话我想请版主看看");
  const note = unique("请文明讨论");

  // The author: the comment is held, and they see it marked.
  const author = await createSignedInReader(fixtures, unique("author").replace(/\s/g, "-") + "@example.com", essayPath);
  const authorComments = await openComments(author.page);
  const composer = authorComments.getByTestId("comment-composer").first();
  await composer.getByTestId("comment-textarea").fill(text);
  await composer.getByTestId("comment-textarea").press("Control+Enter");
  const own = commentWithText(authorComments, text);
  await expect(own.getByTestId("comment-moderation")).toContainText(t("zh", "comments.moderation.held"));
  // Still there, still marked, after a reload (comments.mine).
  await openComments(author.page);
  await expect(commentWithText(author.page.getByTestId("comments"), text).getByTestId("comment-moderation")).toHaveAttribute("data-state", "held");

  // Another reader does not see it.
  await signInByEmail(page, mailbox, email, essayPath);
  let readerComments = await openComments(page);
  await expect(commentWithText(readerComments, text)).toHaveCount(0);

  // The moderator finds it in the held queue and approves it from the keyboard.
  const moderator = (await createSignedInReader(fixtures, moderatorEmail, "/moderate")).page;
  await expect(moderator.getByTestId("moderation-console")).toBeVisible();
  await expect(moderator.getByTestId("queue-tab-held")).toHaveAttribute("aria-selected", "true");
  await expect(moderator.getByTestId("queue-item").filter({ hasText: text })).toHaveCount(1);
  await moveTo(moderator, text);
  await expect(moderator.getByTestId("queue-item").filter({ hasText: text }).getByTestId("queue-item-reason")).toHaveText(t("zh", "moderation.console.reason.premoderation"));
  await moderator.keyboard.press("a");
  await expect(moderator.getByTestId("queue-item").filter({ hasText: text })).toHaveCount(0);

  // A visitor who is not signed in is sent to sign in to report it, and back to it.
  const visitorContext = await browser.newContext({ baseURL: e2eBaseUrl });
  await pageProblems.watch(visitorContext);
  const visitor = await visitorContext.newPage();
  const visitorReport = commentWithText(await openComments(visitor), text).getByTestId("comment-report");
  await expect(visitorReport).toHaveAttribute("href", /^\/signin\?callbackUrl=/);
  await visitorContext.close();

  // Now everyone sees it; the reader reports it in two clicks (a reason, then send).
  readerComments = await openComments(page);
  const reported = commentWithText(readerComments, text);
  await expect(reported).toBeVisible();
  await expect(reported.getByTestId("comment-moderation")).toHaveCount(0);
  const reportedBefore = Number(await moderator.getByTestId("queue-count-reported").textContent());
  await reported.getByTestId("comment-report").click();
  const dialog = page.getByTestId("comment-report-dialog");
  await dialog.getByLabel(t("zh", "comments.report.reasons.harassment")).check();
  await dialog.getByTestId("comment-report-submit").click();
  await expect(dialog).toBeHidden();
  await expect(reported.getByTestId("comment-reported")).toHaveText(t("zh", "comments.item.reported"));
  // Remembered (comments.myReports).
  readerComments = await openComments(page);
  await expect(commentWithText(readerComments, text).getByTestId("comment-reported")).toBeVisible();

  // The moderator's reported count rises by itself (the queue's live channel, or the counts' poll).
  await expect(moderator.getByTestId("queue-count-reported")).toHaveText(String(reportedBefore + 1));

  // Keyboard only: the reported queue, to the item, r, a note, Ctrl+Enter.
  await moderator.getByTestId("queue-tab-reported").focus();
  await moderator.keyboard.press("Enter");
  await expect(moderator.getByTestId("queue-tab-reported")).toHaveAttribute("aria-selected", "true");
  const item = moderator.getByTestId("queue-item").filter({ hasText: text });
  await expect(item.getByTestId("queue-item-report")).toContainText(t("zh", "moderation.console.reason.harassment"));
  await moveTo(moderator, text);
  await moderator.keyboard.press("r");
  const reject = moderator.getByTestId("reject-dialog");
  await expect(reject.getByTestId("reject-reason")).toBeFocused();
  // It starts from the reason the report gave.
  await expect(reject.getByTestId("reject-reason")).toHaveValue("harassment");
  await moderator.keyboard.press("Tab");
  await expect(reject.getByTestId("reject-note")).toBeFocused();
  await moderator.keyboard.type(note);
  await moderator.keyboard.press("Control+Enter");
  await expect(reject).toBeHidden();
  await expect(item).toHaveCount(0);

  // The author sees it removed, with the reason and the note; the reader no longer sees it.
  const authorAfter = await openComments(author.page);
  const removed = commentWithText(authorAfter, text).getByTestId("comment-moderation");
  await expect(removed).toHaveAttribute("data-state", "removed");
  await expect(removed).toContainText(t("zh", "comments.moderation.removed").replace("{reason}", t("zh", "comments.moderation.reasons.harassment")));
  await expect(removed).toContainText(note);
  readerComments = await openComments(page);
  await expect(commentWithText(readerComments, text)).toHaveCount(0);

  await author.context.close();
  await moderator.context().close();
});
