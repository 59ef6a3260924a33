/**
 * A poll's results page (/polls/<id>): the breakdown by generation with small groups suppressed,
 * the chart over time with its table; and each results visibility mode on the essay page's poll
 * card. The polls live on an essay of their own, written before the app starts
 * (fixtures/poll-views-data.ts), so other specs' votes never change what is counted here.
 */
import { join } from "node:path";
import type { APIRequestContext, Locator, Page, TestInfo } from "@playwright/test";
import { t, type Locale } from "./fixtures/content.ts";
import { openPollCard } from "./fixtures/poll-card.ts";
import { closedPollKey, pollViewsEssaySlug, visibilityEssaySlug, visibilityPollKeys } from "./fixtures/poll-views-data.ts";
import { viewports } from "./fixtures/settings.ts";
import { signInByEmail } from "./fixtures/sign-in.ts";
import { expectNoSeriousAxeViolations } from "./fixtures/axe.ts";
import { expect, test } from "./fixtures/test.ts";

/** An essay's poll ids by key, through the public API (ids are made when the data is written). */
async function pollIds(request: APIRequestContext, slug = pollViewsEssaySlug): Promise<Record<string, string>> {
  const input = encodeURIComponent(JSON.stringify({ json: { slug } }));
  const response = await request.get(`/api/trpc/polls.listForEssay?input=${input}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { result: { data: { json: { id: string; key: string }[] } } };
  return Object.fromEntries(body.result.data.json.map((poll) => [poll.key, poll.id]));
}

const fewerThan = (locale: Locale) => t(locale, "polls.views.breakdown.fewerThan").replace("{threshold}", "5");

for (const locale of ["zh", "en"] as const) {
  test(`the breakdown by generation shows groups of 5 or more as numbers and smaller ones only as "fewer than 5" (${locale})`, async ({ page, context, request, baseURL }) => {
    if (locale === "en") await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    const ids = await pollIds(request);
    await page.goto(`/polls/${ids["views-main"]}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "zh" ? "你已经退圈了吗？" : "Have you left Web3?");

    const section = page.getByRole("region", { name: t(locale, "polls.views.breakdown.title") });
    const table = section.getByRole("table");
    await expect(table).toBeVisible();
    // A row per generation plus the header and the totals.
    await expect(table.getByRole("row")).toHaveCount(1 + 5 + 1);
    await expect(table.getByRole("rowheader", { name: locale === "zh" ? "00后" : "Born 2000–04" })).toBeVisible();

    // Every 05后 group is under 5 (fixtures/poll-views-data.ts): none of them is a number.
    const youngest = table.getByRole("row", { name: locale === "zh" ? /^05后/ : /^Born 2005–09/ });
    for (const cell of await youngest.locator('td[data-cell-kind="fewerThan"]').all()) await expect(cell).toHaveText(fewerThan(locale));
    await expect(youngest.locator('td[data-cell-kind="fewerThan"]')).toHaveCount(4);

    // Large groups are numbers; suppressed cells and totals never carry one (but the threshold).
    const counts = table.locator('tbody td[data-cell-kind="count"]');
    expect(await counts.count()).toBeGreaterThan(5);
    for (const cell of await counts.all()) await expect(cell).toHaveText(/^\d+$/);
    for (const cell of await table.locator('td:not([data-cell-kind="count"])').all()) {
      await expect(cell).toHaveText(new RegExp(`^(${fewerThan(locale)}|${t(locale, "polls.views.breakdown.hidden")}|${t(locale, "polls.views.breakdown.withheld")})$`));
    }
    await expect(table.locator('td[data-cell-kind="count"]', { hasText: /^12$/ })).toHaveCount(1);

    // The chart says the same to assistive technology, and the page says why cells are empty.
    await expect(section.getByRole("img")).toHaveAttribute("aria-label", new RegExp(fewerThan(locale)));
    await expect(section.getByTestId("breakdown-note")).toHaveText(t(locale, "polls.views.breakdown.note"));
  });
}

test("the over-time chart draws each answer's share by day, every point also in a table", async ({ page, request }) => {
  const ids = await pollIds(request);
  await page.goto(`/polls/${ids["views-main"]}`);
  const section = page.getByRole("region", { name: t("zh", "polls.views.overTime.title") });
  const chart = section.getByRole("img");
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute("aria-label", /已经完全退圈 \d+%/);
  // One line per answer, and a legend naming them.
  await expect(chart.locator("polyline")).toHaveCount(4);
  await expect(section.getByRole("list", { name: t("zh", "polls.views.overTime.legend") }).getByRole("listitem")).toHaveCount(4);

  const table = section.getByRole("table");
  await expect(table).toBeHidden();
  await section.getByText(t("zh", "polls.views.overTime.tableSummary")).click();
  await expect(table).toBeVisible();
  // The six days with ballots (fixtures: 104 ballots over six days), cumulative up to all 104 voters.
  await expect(table.locator("tbody tr")).toHaveCount(6);
  await expect(table.locator("tbody tr").last().locator("td").first()).toHaveText("104");
});

test("results visibility on the essay page's poll cards: always, after voting, after closing, moderators only", async ({ page, mailbox, email }) => {
  const essayPath = (pollKey: string) => `/essays/${visibilityEssaySlug(pollKey)}`;
  const hidden = (reason: string) => t("zh", `polls.results.hidden.${reason}`);
  await signInByEmail(page, mailbox, email, essayPath(visibilityPollKeys.ALWAYS));

  // ALWAYS: the results can be opened before voting, and lead to the results page and back.
  const always = await card(page, visibilityPollKeys.ALWAYS);
  await always.getByRole("button", { name: t("zh", "polls.showResults") }).click();
  await expect(always.getByTestId("poll-voters")).toHaveText("共 6 人参与");
  await always.getByRole("link", { name: t("zh", "polls.views.link") }).click();
  const alwaysId = (await pollIds(page.request, visibilityEssaySlug(visibilityPollKeys.ALWAYS)))[visibilityPollKeys.ALWAYS];
  await expect(page).toHaveURL(new RegExp(`/polls/${alwaysId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("可见性测试：ALWAYS");
  await expect(page.getByRole("region", { name: t("zh", "polls.views.page.results") }).getByTestId("poll-voters")).toHaveText("共 6 人参与");
  await page.getByTestId("poll-back-link").click();
  await expect(page).toHaveURL(new RegExp(`${essayPath(visibilityPollKeys.ALWAYS)}#poll-${visibilityPollKeys.ALWAYS}$`));

  // AFTER_VOTING: hidden until this reader votes.
  await page.goto(essayPath(visibilityPollKeys.AFTER_VOTING));
  const afterVoting = await card(page, visibilityPollKeys.AFTER_VOTING);
  await expect(afterVoting.getByText(hidden("afterVoting"))).toBeVisible();
  await expect(afterVoting.getByRole("button", { name: t("zh", "polls.showResults") })).toHaveCount(0);
  await afterVoting.getByRole("radio", { name: "是" }).check();
  await afterVoting.getByRole("button", { name: t("zh", "polls.vote") }).click();
  await expect(afterVoting.getByTestId("poll-voters")).toHaveText("共 7 人参与");
  await expect(afterVoting.getByText(hidden("afterVoting"))).toHaveCount(0);

  // AFTER_CLOSING: hidden while open, public once closed.
  await page.goto(essayPath(visibilityPollKeys.AFTER_CLOSING));
  const afterClosing = await card(page, visibilityPollKeys.AFTER_CLOSING);
  await expect(afterClosing.getByText(hidden("afterClosing"))).toBeVisible();
  await expect(afterClosing.getByTestId("poll-results")).toHaveCount(0);
  await page.goto(essayPath(closedPollKey));
  const closed = await card(page, closedPollKey);
  await closed.getByRole("button", { name: t("zh", "polls.showResults") }).click();
  await expect(closed.getByTestId("poll-voters")).toHaveText("共 6 人参与");

  // MODERATORS: hidden from readers, on the card and on the results page.
  await page.goto(essayPath(visibilityPollKeys.MODERATORS));
  const moderators = await card(page, visibilityPollKeys.MODERATORS);
  await expect(moderators.getByText(hidden("moderators"))).toBeVisible();
  await expect(moderators.getByTestId("poll-results")).toHaveCount(0);
  const moderatorsId = (await pollIds(page.request, visibilityEssaySlug(visibilityPollKeys.MODERATORS)))[visibilityPollKeys.MODERATORS];
  await page.goto(`/polls/${moderatorsId}`);
  for (const title of ["polls.views.page.results", "polls.views.overTime.title"]) {
    await expect(page.getByRole("region", { name: t("zh", title) }).getByText(hidden("moderators"))).toBeVisible();
  }
  await expect(page.getByRole("table")).toHaveCount(0);
});

for (const [width, viewport] of Object.entries(viewports)) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`the results page has no serious axe violation (${width}, ${colorScheme})`, async ({ page, context, request, baseURL }, testInfo) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      const locale: Locale = colorScheme === "dark" ? "en" : "zh";
      if (locale === "en") await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
      const ids = await pollIds(request);
      await page.goto(`/polls/${ids["views-main"]}`);
      await expect(page.getByTestId("breakdown-table")).toBeVisible();
      await expect(page.getByTestId("over-time-chart")).toBeVisible();
      await expectNoSeriousAxeViolations(page, testInfo);
      const body = await page.screenshot({ path: join(testInfo.project.outputDir, "screenshots", `poll-views-${locale}-${colorScheme}-${width}.png`), fullPage: true, animations: "disabled" });
      await testInfo.attach(`poll-views-${locale}-${colorScheme}-${width}`, { body, contentType: "image/png" });
    });
  }
}

/** A poll card of the test essay, scrolled into view (cards load lazily). */
async function card(page: Page, pollKey: string): Promise<Locator> {
  return openPollCard(page.getByTestId(`poll-${pollKey}`));
}

