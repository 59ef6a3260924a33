/**
 * Moderating polls: a moderator (an ADMIN_EMAILS address, see global-setup.ts) creates a poll shown
 * at the end of the essay, a reader finds it there and votes, the moderator closes it and the
 * reader finds it closed; the moderator downloads the results as CSV with a byte-order mark; a
 * reader and a visitor are refused the pages and the export.
 */
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { t } from "./fixtures/content.ts";
import { openPollCard } from "./fixtures/poll-card.ts";
import { budgets } from "./fixtures/settings.ts";
import { createSignedInReader } from "./fixtures/readers.ts";
import { signInByEmail } from "./fixtures/sign-in.ts";
import { expect, test } from "./fixtures/test.ts";

/** Granted ADMIN at sign-in by the e2e app's ADMIN_EMAILS (e2e/global-setup.ts). */
const moderatorEmail = "poll-moderator@example.com";

async function moderatorPage(fixtures: Parameters<typeof createSignedInReader>[0], returnTo: string): Promise<Page> {
  return (await createSignedInReader(fixtures, moderatorEmail, returnTo)).page;
}

/** The new poll's card at the end of the essay (it loads when scrolled near). */
async function endCard(page: Page, pollKey: string): Promise<Locator> {
  const slot = page.getByTestId(`poll-${pollKey}`);
  await expect(slot).toHaveCount(1);
  return openPollCard(slot);
}

test("a moderator creates a poll at the end of the essay, a reader votes, the moderator closes it, the reader finds it closed", async ({
  browser,
  page,
  mailbox,
  email,
  pageProblems,
}) => {
  test.setTimeout(budgets.long);
  const run = Date.now().toString(36);
  const question = { zh: `你会推荐朋友入圈吗？${run}`, en: `Would you tell a friend to join Web3 ${run}` };
  const pollKey = `would-you-tell-a-friend-to-join-web3-${run}`;

  // A reader has the essay open (so its page is rendered and cached) before the poll exists.
  await signInByEmail(page, mailbox, email, "/");
  await expect(page.getByTestId(`poll-${pollKey}`)).toHaveCount(0);

  // The moderator: the header links to /moderate, which leads to the polls and the form.
  const moderator = await moderatorPage({ browser, pageProblems, mailbox }, "/moderate");
  await expect(moderator.getByTestId("moderate-link")).toHaveText(t("zh", "moderation.nav.moderate"));
  await moderator.getByTestId("moderate-polls-link").click();
  await moderator.getByTestId("new-poll-link").click();
  await expect(moderator.getByRole("heading", { level: 1 })).toHaveText(t("zh", "moderation.polls.create.title"));

  const form = moderator.getByTestId("poll-create-form");
  await form.getByLabel(t("zh", "moderation.polls.form.questionZh")).fill(question.zh);
  await form.getByLabel(t("zh", "moderation.polls.form.questionEn")).fill(question.en);
  await form.getByTestId("add-option-row").click();
  const rows = form.getByTestId("option-row");
  const labels = [
    ["会", "Yes"],
    ["看情况", "It depends"],
    ["不会", "No"],
  ] as const;
  for (const [index, [zh, en]] of labels.entries()) {
    await rows.nth(index).getByLabel(t("zh", "moderation.polls.form.labelZh")).fill(zh);
    await rows.nth(index).getByLabel(t("zh", "moderation.polls.form.labelEn")).fill(en);
  }
  // "At the end" is the default placement; after the first section is not wanted.
  await expect(form.getByLabel(t("zh", "moderation.polls.form.placement.end"))).toBeChecked();
  await expect(form.getByLabel(t("zh", "moderation.polls.form.placement.after-section-1"))).not.toBeChecked();
  await form.getByTestId("poll-create-submit").click();

  await expect(moderator).toHaveURL(/\/moderate\/polls\/[^/?]+\?created=1$/);
  await expect(moderator.getByText(t("zh", "moderation.polls.edit.created"))).toBeVisible();
  await expect(moderator.getByRole("heading", { level: 1 })).toHaveText(question.zh);
  const pollId = decodeURIComponent(new URL(moderator.url()).pathname.split("/").pop()!);

  // The reader reloads and finds it at the end of the essay (the change refreshed the cached page), and votes.
  await page.reload();
  const card = await endCard(page, pollKey);
  await expect(card.getByRole("heading", { level: 2 })).toHaveText(question.zh);
  await card.getByRole("radio", { name: "看情况" }).check();
  await card.getByRole("button", { name: t("zh", "polls.vote") }).click();
  await expect(card.getByRole("status")).toHaveText(t("zh", "polls.done.voted"));
  await expect(card.locator("li[data-mine]")).toHaveAttribute("data-option", "it-depends");

  // The moderator sees the vote counted, then closes the poll.
  await moderator.reload();
  await expect(moderator.getByTestId("edit-option").filter({ hasText: "it-depends" })).toContainText("1 票");
  await expect(moderator.getByTestId("wording-warning")).toBeVisible();
  await moderator.getByTestId("poll-close").click();
  await expect(moderator.getByTestId("section-schedule").getByRole("status")).toHaveText(t("zh", "moderation.polls.edit.closed"));
  await expect(moderator.getByTestId("poll-state")).toHaveAttribute("data-state", "closed");
  await expect(moderator.getByTestId("poll-reopen")).toBeVisible();

  // The reader finds it closed: a ballot can no longer be withdrawn (or the card says it is closed).
  await page.reload();
  const closedCard = await endCard(page, pollKey);
  await expect(closedCard.locator("li[data-mine]")).toHaveAttribute("data-option", "it-depends");
  const closedLabel = closedCard.getByText(t("zh", "polls.closed"), { exact: true });
  if (!(await closedLabel.isVisible())) {
    pageProblems.allow(/status of 400/);
    await closedCard.getByRole("button", { name: t("zh", "polls.withdraw") }).click();
    await expect(closedCard.getByRole("alert")).toHaveText(t("zh", "errors.polls.closed"));
  }

  // The list shows it closed with its voter.
  await moderator.goto("/moderate/polls");
  const listed = moderator.getByTestId("moderated-poll").filter({ hasText: question.zh });
  await expect(listed.getByTestId("poll-state")).toHaveAttribute("data-state", "closed");
  await expect(listed.getByTestId("poll-voter-count")).toHaveText("1");

  // The CSV from the edit page: UTF-8 with a BOM, counts only.
  await moderator.goto(`/moderate/polls/${encodeURIComponent(pollId)}`);
  const downloading = moderator.waitForEvent("download");
  await moderator.getByTestId("poll-csv").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8");
  expect(text).toContain(`question_zh,${question.zh}`);
  expect(text).toContain("it-depends,看情况,It depends,1,1\r\n");
  expect(text).not.toContain(email);
  await moderator.context().close();
});

test("on a phone, where the header has no room for it, a moderator reaches moderation from the account page", async ({ browser, mailbox, pageProblems }) => {
  const moderator = await moderatorPage({ browser, pageProblems, mailbox }, "/account");
  await moderator.setViewportSize({ width: 390, height: 844 });
  await expect(moderator.getByTestId("moderate-link")).toBeHidden();
  await moderator.getByTestId("account-moderate-link").click();
  await expect(moderator).toHaveURL((url) => url.pathname === "/moderate");
  await expect(moderator.getByTestId("moderate-polls-link")).toBeVisible();
  await moderator.context().close();
});

test("readers and visitors are refused the moderation pages and the CSV", async ({ page, mailbox, email, pageProblems, playwright, baseURL }) => {
  // A visitor is sent to sign in and comes back.
  await page.goto("/moderate/polls");
  await expect(page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === "/moderate/polls");

  pageProblems.allow(/status of 403/);
  await signInByEmail(page, mailbox, email, "/account");
  await expect(page.getByTestId("moderate-link")).toHaveCount(0);
  await expect(page.getByTestId("account-moderate-link")).toHaveCount(0);
  for (const path of ["/moderate", "/moderate/polls", "/moderate/polls/new"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("moderation-forbidden")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("zh", "moderation.forbidden.title"));
  }

  const pollId = await page.evaluate(async () => {
    const response = await fetch("/api/trpc/polls.listForEssay");
    const body = (await response.json()) as { result: { data: { json: { id: string }[] } } };
    return body.result.data.json[0]!.id;
  });
  const asReader = await page.request.get(`/api/polls/${pollId}/results.csv`);
  expect(asReader.status()).toBe(403);
  expect(await asReader.text()).toBe(`${t("zh", "errors.moderation.export.forbidden")}\n`);

  const anonymous = await playwright.request.newContext({ baseURL });
  const asVisitor = await anonymous.get(`/api/polls/${pollId}/results.csv`);
  expect(asVisitor.status()).toBe(401);
  expect(asVisitor.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  await anonymous.dispose();
});
