/** The interface language and the theme: switched from the header, remembered, applied before paint. */
import type { Page } from "@playwright/test";
import { essay, t } from "./fixtures/content.ts";
import { expectHydrated } from "./fixtures/hydrated.ts";
import { signInByEmail } from "./fixtures/sign-in.ts";
import { expect, test } from "./fixtures/test.ts";

test("switching to English changes the interface, not the essay, and is remembered", async ({ page, context }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("language-switch")).toHaveAccessibleName(t("zh", "common.language.switchTo"));
  await expectHydrated(page);

  await Promise.all([page.waitForEvent("load"), page.getByTestId("language-switch").click()]);
  await expectEnglishInterface(page);

  await page.reload();
  await expectEnglishInterface(page);

  const another = await context.newPage();
  await another.goto(`/essays/${essay.slug}`);
  await expectEnglishInterface(another);
  await expectHydrated(another);

  // And back: one click returns to Chinese.
  await Promise.all([another.waitForEvent("load"), another.getByTestId("language-switch").click()]);
  await expect(another.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(another.getByTestId("language-switch")).toHaveAccessibleName(t("zh", "common.language.switchTo"));
});

test("a signed-in reader's language is saved and follows them to another browser", async ({ page, browser, mailbox, email, pageProblems }) => {
  await signInByEmail(page, mailbox, email, "/");
  await Promise.all([page.waitForEvent("load"), page.getByTestId("language-switch").click()]);
  await expectEnglishInterface(page);

  // Another browser knows nothing of the choice: Chinese, until the reader signs in there.
  const elsewhere = await browser.newContext();
  await pageProblems.watch(elsewhere);
  const other = await elsewhere.newPage();
  await other.goto("/");
  await expect(other.locator("html")).toHaveAttribute("lang", "zh-CN");
  await signInByEmail(other, mailbox, email, "/");
  await expect(other.locator("html")).toHaveAttribute("lang", "en");
  await expect(other.getByTestId("account-link")).toBeVisible();
  await elsewhere.close();
});

test("the account page's language setting switches the interface", async ({ page, mailbox, email }) => {
  await signInByEmail(page, mailbox, email, "/account");
  await page.getByTestId("account-locale").selectOption("en");
  await Promise.all([page.waitForEvent("load"), page.getByTestId("account-save").click()]);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("account-locale")).toHaveValue("en");
  await expect(page.getByTestId("account-save")).toHaveText(t("en", "account.save"));
  await page.goto("/");
  await expectEnglishInterface(page);
});

async function expectEnglishInterface(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("language-switch")).toHaveAccessibleName(t("en", "common.language.switchTo"));
  await expect(page.getByTestId("theme-switch")).toHaveAccessibleName(messagePattern(t("en", "common.theme.label")));
  await expect(page.getByTestId("toc")).toContainText(t("en", "essay.toc.title"));
  // The essay stays Chinese, and says so to screen readers and the browser's hyphenation.
  await expect(page.locator("article h1")).toHaveText(essay.title);
  const essayLang = await page.locator("article h1").evaluate((h1) => h1.closest("[lang]")?.getAttribute("lang"));
  expect(essayLang).toMatch(/^zh/);
}

test("the theme switch toggles data-theme, and the choice survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "light");
  await expectHydrated(page);

  await page.getByTestId("theme-switch").click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  const darkBackground = await backgroundOf(page);

  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  expect(await backgroundOf(page)).toBe(darkBackground);
  await expectHydrated(page);

  await page.getByTestId("theme-switch").click();
  await expect(html).toHaveAttribute("data-theme", "light");
  expect(await backgroundOf(page)).not.toBe(darkBackground);
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "light");
});

test("the theme follows the system until the reader chooses one", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
});

test("a chosen theme is set before the first paint (no flash of the other theme)", async ({ page, request }) => {
  // The attribute as it is when the parser creates <body>: before that nothing can be painted.
  await page.addInitScript(() => {
    const record = window as unknown as { __themeAtBody?: string | null };
    const observer = new MutationObserver(() => {
      if (document.body && !("__themeAtBody" in record)) {
        record.__themeAtBody = document.documentElement.getAttribute("data-theme");
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const themeAtBody = () => page.evaluate(() => (window as unknown as { __themeAtBody?: string | null }).__themeAtBody);

  // The system says dark; the reader chose light (and the reverse): the choice must win from the start.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  expect(await themeAtBody()).toBe("dark");
  await expectHydrated(page);
  await page.getByTestId("theme-switch").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.reload();
  expect(await themeAtBody()).toBe("light");

  await page.emulateMedia({ colorScheme: "light" });
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  expect(await themeAtBody()).toBe("light");
  await expectHydrated(page);
  await page.getByTestId("theme-switch").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  expect(await themeAtBody()).toBe("dark");

  // And the served HTML runs the theme script in <head>, before any of the body exists.
  const html = await (await request.get("/")).text();
  const head = html.slice(0, html.indexOf("<body"));
  expect(head).toMatch(/<script[^>]*>[^<]*data-theme/);
});

/** A message with its {arguments} as wildcards. */
function messagePattern(message: string): RegExp {
  const parts = message.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join(".+")}$`);
}

function backgroundOf(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}
