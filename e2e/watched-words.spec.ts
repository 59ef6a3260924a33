/**
 * Watched words (issue 10): an admin adds a Chinese term with the action "hold" on /moderate/words;
 * a reader's comment with the term mid-sentence is held (its author's comments.mine lists it as
 * held for a watched word; a visitor does not see it); "try a sentence" marks the term in the
 * sentence. The page passes axe at phone and desktop width, with screenshots.
 */
import { join } from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./fixtures/axe.ts";
import { t } from "./fixtures/content.ts";
import { createSignedInReader } from "./fixtures/readers.ts";
import { signInByEmail } from "./fixtures/sign-in.ts";
import { expect, test } from "./fixtures/test.ts";

/** Granted ADMIN at sign-in by the e2e app's ADMIN_EMAILS (e2e/global-setup.ts). */
const adminEmail = "words-admin@example.com";

/** axe at phone and desktop width, and a full-page screenshot of each (test-results/screenshots/<name>-<width>.png). */
async function checkAtPhoneAndDesktop(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const [width, viewport] of [
    ["phone", { width: 390, height: 844 }],
    ["desktop", { width: 1280, height: 900 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await expectNoSeriousAxeViolations(page, testInfo);
    const body = await page.screenshot({ path: join(testInfo.project.outputDir, "screenshots", `${name}-${width}.png`), fullPage: true, animations: "disabled" });
    await testInfo.attach(`${name}-${width}`, { body, contentType: "image/png" });
  }
}

test("an admin holds a Chinese term; a reader's comment with it mid-sentence is held; try a sentence marks it", async ({ browser, page, mailbox, email, pageProblems }, testInfo) => {
  test.setTimeout(180_000);
  const term = `代开发票${Date.now().toString(36).replace(/[0-9]/g, "")}`;
  const admin = (await createSignedInReader({ browser, pageProblems, mailbox }, adminEmail, "/moderate/words")).page;
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(t("zh", "moderation.words.title"));

  // Add the term: hold, on comment text.
  const form = admin.getByTestId("add-term-form");
  await form.getByTestId("term-input").fill(term);
  await form.getByTestId("action-select").selectOption("hold");
  await expect(form.getByTestId("field-body")).toBeChecked();
  await form.getByTestId("add-term").click();
  const row = admin.getByTestId("term-row").filter({ hasText: term });
  await expect(row).toBeVisible();
  await expect(row).toContainText(t("zh", "moderation.words.action.hold"));

  // Try a sentence: the term is marked where it stands, with its action.
  const sentence = `朋友说他可以${term}，价格还便宜。`;
  await admin.getByTestId("try-text").fill(sentence);
  await admin.getByTestId("try-submit").click();
  const marked = admin.getByTestId("try-highlight").locator("mark");
  await expect(marked).toHaveText([term]);
  await expect(admin.getByTestId("try-highlight")).toHaveText(sentence);
  await expect(admin.getByTestId("try-result")).toContainText(t("zh", "moderation.words.action.hold"));

  await checkAtPhoneAndDesktop(admin, testInfo, "watched-words");

  // A reader writes the term mid-sentence: the comment is held for the watched word.
  await signInByEmail(page, mailbox, email, "/");
  const comments = page.getByTestId("comments");
  await comments.scrollIntoViewIfNeeded();
  await expect(comments).toHaveAttribute("data-ready", "");
  const body = `我这里可以${term}，有需要的私信。`;
  const created = page.waitForResponse((r) => r.url().includes("comments.create") && r.request().method() === "POST");
  await comments.getByTestId("comment-composer").first().getByTestId("comment-textarea").fill(body);
  await comments.getByTestId("comment-composer").first().getByTestId("comment-submit").click();
  expect((await created).ok()).toBe(true);

  const mine = await page.request.get(`/api/trpc/comments.mine?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`);
  const items = (await mine.json()).result.data.json.items as { body?: string; bodyHtml: string; moderation?: { state: string; reason: string } }[];
  expect(items.filter((item) => item.bodyHtml.includes(term)).map((item) => item.moderation)).toEqual([{ state: "held", reason: "watched_word", note: null }]);

  // Nobody else sees it.
  const visitor = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const visitorPage = await visitor.newPage();
  await visitorPage.goto("/#comments");
  await expect(visitorPage.getByTestId("comments")).toHaveAttribute("data-ready", "");
  await expect(visitorPage.getByTestId("comments").getByText(term)).toHaveCount(0);
  await visitor.close();
});

test("a reader is refused the admins' pages with a 403", async ({ page, mailbox, email, pageProblems }) => {
  pageProblems.allow(/status of 403 /);
  await signInByEmail(page, mailbox, email, "/");
  for (const path of ["/moderate/words", "/moderate/staff"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("terms-section")).toHaveCount(0);
  }
});

test("an admin finds a reader by email and makes them a moderator, then takes it back", async ({ browser, page, mailbox, email, pageProblems }, testInfo) => {
  test.setTimeout(120_000);
  await signInByEmail(page, mailbox, email, "/");
  const admin = (await createSignedInReader({ browser, pageProblems, mailbox }, adminEmail, "/moderate/staff")).page;
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(t("zh", "moderation.staff.title"));
  await admin.getByTestId("staff-email").fill(email);
  await admin.getByRole("button", { name: t("zh", "moderation.staff.searchSubmit") }).click();
  const result = admin.getByTestId("staff-results").getByRole("listitem");
  await expect(result).toHaveCount(1);
  await result.getByRole("button").click();
  await expect(admin.getByTestId("staff-list")).toContainText(email);
  // The reader is a moderator from their next request: the console opens for them.
  await page.goto("/moderate");
  await expect(page.getByTestId("moderation-forbidden")).toHaveCount(0);

  await checkAtPhoneAndDesktop(admin, testInfo, "staff");
  await admin.getByTestId("staff-list").getByRole("listitem").filter({ hasText: email }).getByRole("button").click();
  await expect(admin.getByTestId("staff-list")).not.toContainText(email);
});
