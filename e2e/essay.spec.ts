/** Reading the essay: what a reader sees and can do on the page at / and /essays/<slug>. */
import { essay, relatedReadings, t } from "./fixtures/content.ts";
import { expectHydrated } from "./fixtures/hydrated.ts";
import { expect, test } from "./fixtures/test.ts";

test("the essay is served at / and at its own address", async ({ page }) => {
  for (const path of ["/", `/essays/${essay.slug}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator("article h1")).toHaveText(essay.title);
    await expect(page).toHaveTitle(new RegExp(escapeRegExp(essay.title)));
  }
});

test("the byline names the author, the publisher, the 原创 label and the date", async ({ page }) => {
  await page.goto("/");
  const byline = page.getByTestId("byline");
  await expect(byline).toContainText(essay.author);
  await expect(byline).toContainText(essay.publisher);
  await expect(page.locator("#essay > header")).toContainText(essay.label);
  const isoDate = essay.published.toISOString().slice(0, 10);
  await expect(byline.locator("time")).toHaveAttribute("datetime", isoDate);
  const year = essay.published.getUTCFullYear();
  const month = essay.published.getUTCMonth() + 1;
  const day = essay.published.getUTCDate();
  await expect(byline).toContainText(new RegExp(`${year}\\s*[年/.-]\\s*0?${month}\\s*[月/.-]\\s*0?${day}`));
});

test("the table of contents jumps to each of the three sections", async ({ page }) => {
  await page.goto("/");
  const links = page.getByTestId("toc").getByRole("link");
  await expect(links).toHaveCount(essay.sectionHeadings.length);
  expect(essay.sectionHeadings).toHaveLength(3);

  for (const [index, headingText] of essay.sectionHeadings.entries()) {
    const link = links.nth(index);
    await expect(link).toHaveAccessibleName(headingText);
    const href = await link.getAttribute("href");
    expect(href, `TOC link ${index + 1}`).toMatch(/^#.+/);
    const id = decodeURIComponent(href!.slice(1));

    await link.click();
    await expect(page).toHaveURL((url) => decodeURIComponent(url.hash) === `#${id}`);
    const heading = page.locator(`article [id="${id}"]`);
    await expect(heading).toHaveText(headingText);
    await expect(heading).toHaveRole("heading");
    await expect(heading).toBeInViewport();
    // The table of contents shows where the reader is.
    await expect(link).toHaveAttribute("aria-current", "location");
  }
});

test("the three figures have captions and no image is broken", async ({ page }) => {
  const failedRequests: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
  });
  page.on("requestfailed", (request) => failedRequests.push(`failed ${request.url()}`));
  await page.goto("/");
  await page.waitForLoadState("load");

  const figures = page.locator("article figure");
  await expect(figures).toHaveCount(essay.figureCaptions.length);
  for (const [index, caption] of essay.figureCaptions.entries()) {
    await expect(figures.nth(index).locator("figcaption")).toHaveText(caption);
  }

  // Every image on the page either loaded or is a drawing (the photographs are placeholders).
  const brokenImages = await page.locator("img").evaluateAll((images) =>
    (images as HTMLImageElement[])
      .filter((image) => !image.complete || image.naturalWidth === 0)
      .map((image) => image.currentSrc || image.src),
  );
  expect(brokenImages).toEqual([]);
  expect(failedRequests).toEqual([]);
});

test("the related readings are listed below the essay", async ({ page }) => {
  await page.goto("/");
  const related = page.getByTestId("related-readings");
  await expect(related).toBeVisible();
  for (const reading of relatedReadings) {
    await expect(related).toContainText(reading.title);
  }
  // Below the essay, not beside or above it.
  const articleBox = await page.locator("article").first().boundingBox();
  const relatedBox = await related.boundingBox();
  expect(relatedBox!.y).toBeGreaterThanOrEqual(articleBox!.y + articleBox!.height);
});

test("every paragraph has a stable id, and its copy-link button copies a link to it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  // The copy buttons work once the page is hydrated.
  await expectHydrated(page);
  const paragraphs = page.locator('article p[id^="p-"]');
  expect(await paragraphs.count()).toBeGreaterThan(20);
  const ids = await paragraphs.evaluateAll((elements) => elements.map((element) => element.id));
  expect(new Set(ids).size, "paragraph ids are unique").toBe(ids.length);

  const paragraph = paragraphs.nth(3);
  const id = await paragraph.getAttribute("id");
  await paragraph.hover();
  await expect(copyLinkButtonOf(page, id!)).toHaveAccessibleName(t("zh", "essay.copyLink.label"));
  await copyLinkButtonOf(page, id!).click();

  await expect(page.getByTestId("copy-link-status")).not.toBeEmpty();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(copied);
  expect(url.hash).toBe(`#${id}`);
  expect(url.origin).toBe(new URL(page.url()).origin);

  // The copied link, opened fresh, lands on that paragraph.
  const reader = await context.newPage();
  await reader.goto(copied);
  await expect(reader.locator(`[id="${id}"]`)).toBeInViewport();
  await reader.close();
});

function copyLinkButtonOf(page: import("@playwright/test").Page, paragraphId: string) {
  return page.locator(`[id="${paragraphId}"] button[data-copy-link]`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
