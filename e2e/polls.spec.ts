/**
 * The poll "Have you left Web3?" on the essay page: voting, changing and withdrawing signed in,
 * the two placements in sync, a signed-out reader's vote cast after signing in, accessibility.
 * Other tests vote at the same time, so counts are checked for shape, not exact values.
 */
import { join } from "node:path";
import type { Locator, Page, TestInfo } from "@playwright/test";
import { t, type Locale } from "./fixtures/content.ts";
import { viewports } from "./fixtures/settings.ts";
import { requestSignInLink, nextSignInLink, signInByEmail } from "./fixtures/sign-in.ts";
import { expectNoSeriousAxeViolations } from "./fixtures/axe.ts";
import { openPollCard } from "./fixtures/poll-card.ts";
import { expect, test } from "./fixtures/test.ts";

const pollKey = "left-web3";
const options = {
  zh: { leftCompletely: "已经完全退圈", fadedOut: "淡圈了，只把币圈当理财", stillIn: "还在圈内全职" },
  en: { leftCompletely: "Left completely", fadedOut: "Faded out: crypto is just an investment now", stillIn: "Still in, full-time" },
};

/** The poll's two placements on the page (after the first section, at the end), each scrolled into view (the card loads lazily). */
async function placements(page: Page): Promise<[Locator, Locator]> {
  const slots = page.getByTestId(`poll-${pollKey}`);
  await expect(slots).toHaveCount(2);
  return [slots.first(), slots.last()];
}

const open = openPollCard;

async function expectMyChoice(card: Locator, optionKey: string | null, locale: Locale = "zh"): Promise<void> {
  if (optionKey === null) {
    await expect(card.locator("[data-mine]")).toHaveCount(0);
    await expect(card.getByRole("radio").first()).toBeVisible();
    return;
  }
  const mine = card.locator("li[data-mine]");
  await expect(mine).toHaveCount(1);
  await expect(mine).toHaveAttribute("data-option", optionKey);
  await expect(mine).toContainText(t(locale, "polls.results.mine"));
  await expect(mine).toContainText(/\d+%/);
  await expect(card.getByTestId("poll-voters")).toHaveText(locale === "zh" ? /^共 [1-9]\d* 人参与$/ : /^[1-9]\d* readers? voted$/);
}

test("a signed-in reader votes, sees the results, changes and withdraws; both placements agree", async ({ page, mailbox, email }) => {
  await signInByEmail(page, mailbox, email, "/");
  const [first, last] = await placements(page);
  const card = await open(first);

  await card.getByRole("radio", { name: options.zh.stillIn }).check();
  await card.getByRole("button", { name: t("zh", "polls.vote") }).click();
  await expectMyChoice(card, "still-in");
  await expect(card.getByRole("status")).toHaveText(t("zh", "polls.done.voted"));
  // The results list names each option's count and share (the bars are for the eye).
  await expect(card.getByRole("list", { name: t("zh", "polls.results.title") }).getByRole("listitem")).toHaveCount(4);

  const endCard = await open(last);
  await expectMyChoice(endCard, "still-in");

  await card.scrollIntoViewIfNeeded();
  await card.getByRole("button", { name: t("zh", "polls.change") }).click();
  await expect(card.getByRole("radio", { name: options.zh.stillIn })).toBeChecked();
  await card.getByRole("radio", { name: options.zh.fadedOut }).check();
  await card.getByRole("button", { name: t("zh", "polls.save") }).click();
  await expectMyChoice(card, "faded-out");
  await expectMyChoice(endCard, "faded-out");

  // Still there after a reload.
  await page.reload();
  const [firstAgain, lastAgain] = await placements(page);
  const reloaded = await open(lastAgain);
  await expectMyChoice(reloaded, "faded-out");
  await reloaded.getByRole("button", { name: t("zh", "polls.withdraw") }).click();
  await expect(reloaded.getByRole("status")).toHaveText(t("zh", "polls.done.withdrawn"));
  await expectMyChoice(reloaded, null);
  await expectMyChoice(await open(firstAgain), null);
});

test("a signed-out reader who picks an option signs in and has that vote cast once", async ({ page, mailbox, email }) => {
  await page.goto("/");
  await expect(page.getByTestId("signin-link")).toBeVisible();
  const [first] = await placements(page);
  const card = await open(first);
  await expect(card.getByText(t("zh", "polls.signInHint"))).toBeVisible();

  await card.getByRole("radio", { name: options.zh.leftCompletely }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/signin");
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(`/?vote=${pollKey}:left-completely#poll-${pollKey}`);

  await requestSignInLink(page, email);
  await page.goto((await nextSignInLink(mailbox, email)).toString());
  await expect(page.getByTestId("account-link")).toBeVisible();
  const [back, end] = await placements(page);
  const backCard = back.getByTestId("poll-card");
  await expectMyChoice(backCard, "left-completely");
  // Cast once: the parameter is gone, so a reload casts nothing again.
  await expect(page).toHaveURL((url) => url.pathname === "/" && !url.searchParams.has("vote") && url.hash === `#poll-${pollKey}`);
  await expectMyChoice(await open(end), "left-completely");
  await page.reload();
  const [reloaded] = await placements(page);
  const reloadedCard = await open(reloaded);
  await expectMyChoice(reloadedCard, "left-completely");
  await expect(reloadedCard.getByRole("status")).toHaveText("");
});

for (const [width, viewport] of Object.entries(viewports)) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`the essay page with the poll has no serious axe violation (${width}, ${colorScheme})`, async ({ page, context, mailbox, email, baseURL }, testInfo) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      const locale: Locale = colorScheme === "dark" ? "en" : "zh";
      if (locale === "en") await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);

      await page.goto("/");
      await expect(page.getByTestId("signin-link")).toBeVisible();
      const [first] = await placements(page);
      const card = await open(first);
      await expect(card.getByRole("radio", { name: options[locale].leftCompletely })).toBeVisible();
      await expectNoSeriousAxeViolations(page, testInfo);
      await saveCardScreenshot(card, testInfo, `poll-signed-out-${locale}-${colorScheme}-${width}`);

      // Signed in, with the results shown.
      await signInByEmail(page, mailbox, email, "/", locale);
      const [signedIn] = await placements(page);
      const votingCard = await open(signedIn);
      await votingCard.getByRole("radio", { name: options[locale].stillIn }).check();
      await votingCard.getByRole("button", { name: t(locale, "polls.vote") }).click();
      await expectMyChoice(votingCard, "still-in", locale);
      await expectNoSeriousAxeViolations(page, testInfo);
      await saveCardScreenshot(votingCard, testInfo, `poll-results-${locale}-${colorScheme}-${width}`);
    });
  }
}

async function saveCardScreenshot(card: Locator, testInfo: TestInfo, name: string): Promise<void> {
  const body = await card.screenshot({ path: join(testInfo.project.outputDir, "screenshots", `${name}.png`), animations: "disabled" });
  await testInfo.attach(name, { body, contentType: "image/png" });
}
