/**
 * Reply notifications (issue 4) and the poll-badge setting (issue 5), in Chromium against the
 * production build: another reader's reply rings the bell, the panel lists it, following it marks
 * it read; the /notifications page marks all read; the account switch persists.
 */
import type { Page } from "@playwright/test";
import { apiReader, trpcMutation } from "./fixtures/api-reader.ts";
import { t } from "./fixtures/content.ts";
import { expectHydrated } from "./fixtures/hydrated.ts";
import { signInByEmail } from "./fixtures/sign-in.ts";
import { expect, test } from "./fixtures/test.ts";

interface ApiComment {
  id: string;
}

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The signed-in browser reader writes a comment through the API (the page's own session). */
async function postAs(page: Page, body: string): Promise<ApiComment> {
  return trpcMutation<ApiComment>(page.request, "comments.create", { body });
}

/** Another reader, signed in over HTTP, replies to `parentId`. */
async function replyAsAnotherReader(mailbox: Parameters<typeof apiReader>[0], parentId: string, body: string): Promise<ApiComment> {
  const api = await apiReader(mailbox, `replier-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`);
  try {
    await trpcMutation(api, "me.update", { name: "回复者" });
    return await trpcMutation<ApiComment>(api, "comments.create", { body, parentId });
  } finally {
    await api.dispose();
  }
}

const bellName = (count: number) => (count > 0 ? t("zh", "notifications.bellUnread").replace("{count}", String(count)) : t("zh", "notifications.bell"));

test("a reply rings the author's bell; the panel lists it and following it marks it read", async ({ page, mailbox, email, pageProblems }) => {
  await signInByEmail(page, mailbox, email, "/");
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName(bellName(0));
  await expect(page.getByTestId("notification-count")).toHaveCount(0);

  const comment = await postAs(page, unique("我的评论"));
  const replyText = unique("**同意**，说得好");
  const reply = await replyAsAnotherReader(mailbox, comment.id, replyText);

  await page.reload();
  await expect(bell).toHaveAccessibleName(bellName(1));
  await expect(page.getByTestId("notification-count")).toHaveText("1");

  // Keyboard: the panel opens with focus inside, Esc closes it and gives focus back to the bell.
  await bell.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("notification-panel");
  await expect(panel).toBeVisible();
  await expect(bell).toHaveAttribute("aria-expanded", "true");
  await expect(panel.getByRole("heading", { name: t("zh", "notifications.title") })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(bell).toBeFocused();

  await bell.click();
  const item = panel.getByTestId("notification-item");
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute("data-read", "false");
  await expect(item).toContainText("回复者");
  // The Markdown reads as plain text.
  await expect(item).toContainText(replyText.replace(/\*\*/g, ""));
  await expect(item).toHaveAttribute("href", `/c/${reply.id}`);

  // The permalink page may answer 404 until it exists; the notification's part is the link.
  pageProblems.allow(/404 \(Not Found\)/);
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/c/${reply.id}$`));

  await page.goto("/");
  await expect(bell).toHaveAccessibleName(bellName(0));
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  await bell.click();
  await expect(panel.getByTestId("notification-item")).toHaveAttribute("data-read", "true");
});

test("the notifications page lists every reply and marks them all read", async ({ page, mailbox, email }) => {
  await signInByEmail(page, mailbox, email, "/notifications");
  await expect(page.getByTestId("notifications-empty")).toBeVisible();

  const comment = await postAs(page, unique("另一条评论"));
  await replyAsAnotherReader(mailbox, comment.id, unique("第一条回复"));
  await replyAsAnotherReader(mailbox, comment.id, unique("第二条回复"));

  await page.reload();
  const items = page.getByTestId("notifications-list").getByTestId("notification-item");
  await expect(items).toHaveCount(2);
  await expect(page.getByTestId("notification-bell")).toHaveAccessibleName(bellName(2));

  await page.getByTestId("notifications-mark-all").click();
  await expect(page.getByTestId("notification-bell")).toHaveAccessibleName(bellName(0));
  await expect(items.first()).toHaveAttribute("data-read", "true");
  await expect(items.last()).toHaveAttribute("data-read", "true");
  await page.reload();
  await expect(items).toHaveCount(2);
  await expect(page.getByTestId("notifications-mark-all")).toHaveCount(0);
});

test("the poll-badge switch is off by default, says it is public, and stays on after a reload", async ({ page, mailbox, email }) => {
  await signInByEmail(page, mailbox, email, "/account");
  const toggle = page.getByRole("switch", { name: t("zh", "account.pollBadge") });
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expect(toggle).toHaveAccessibleDescription(t("zh", "account.pollBadgeHint"));

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("status").filter({ hasText: t("zh", "account.pollBadgeSaved") })).toBeVisible();

  await page.reload();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await expectHydrated(page);
  await toggle.press("Space");
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  // The switch flips at once; the reload must wait until the server has the new setting.
  await expect(page.getByRole("status").filter({ hasText: t("zh", "account.pollBadgeCleared") })).toBeVisible();
  await page.reload();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
});
