/**
 * Every page, at phone and desktop widths: axe-core finds no serious or critical accessibility
 * violation, nothing is logged as an error, nothing overflows sideways, and a full-page screenshot
 * is saved with the test results (test-results/screenshots/<page>-<width>.png, and in the HTML report).
 */
import { join } from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { expectHydrated } from "./fixtures/hydrated.ts";
import { signInByEmail } from "./fixtures/sign-in.ts";
import { viewports } from "./fixtures/settings.ts";
import { expectNoSeriousAxeViolations } from "./fixtures/axe.ts";
import { expect, test } from "./fixtures/test.ts";

interface PageCase {
  name: string;
  path: string;
  locale?: "zh" | "en";
  colorScheme?: "light" | "dark";
  status?: number;
  signedIn?: boolean;
  /** A locator every page must show before it is checked. */
  ready?: (page: Page) => ReturnType<Page["locator"]>;
}

const cases: PageCase[] = [
  { name: "essay-zh-light", path: "/", locale: "zh", colorScheme: "light", ready: (p) => p.locator("article h1") },
  { name: "essay-zh-dark", path: "/", locale: "zh", colorScheme: "dark", ready: (p) => p.locator("article h1") },
  { name: "essay-en-light", path: "/", locale: "en", colorScheme: "light", ready: (p) => p.locator("article h1") },
  { name: "essay-en-dark", path: "/", locale: "en", colorScheme: "dark", ready: (p) => p.locator("article h1") },
  { name: "signin-zh", path: "/signin", locale: "zh", ready: (p) => p.getByTestId("signin-email-submit") },
  { name: "signin-en-dark", path: "/signin", locale: "en", colorScheme: "dark", ready: (p) => p.getByTestId("signin-email-submit") },
  { name: "check-email", path: "/signin/check-email", ready: (p) => p.getByTestId("check-email") },
  { name: "signin-error", path: "/signin/error?error=Verification", ready: (p) => p.locator("h1") },
  { name: "account-zh", path: "/account", signedIn: true, ready: (p) => p.getByTestId("display-name") },
  { name: "account-en-dark", path: "/account", locale: "en", colorScheme: "dark", signedIn: true, ready: (p) => p.getByTestId("display-name") },
  { name: "not-found-zh", path: "/no-such-page", status: 404, ready: (p) => p.locator("h1") },
  { name: "not-found-en", path: "/no-such-page", locale: "en", status: 404, ready: (p) => p.locator("h1") },
];

for (const pageCase of cases) {
  for (const [width, viewport] of Object.entries(viewports)) {
    test(`${pageCase.name} at ${width} width: accessible, no errors, screenshot`, async (
      { page, context, mailbox, email, pageProblems, baseURL },
      testInfo,
    ) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: pageCase.colorScheme ?? "light" });
      if (pageCase.locale === "en") {
        await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
      }
      if (pageCase.status === 404) pageProblems.allow(/status of 404 .*\[http:\/\/[^\]]+\/no-such-page\]/);
      if (pageCase.signedIn) await signInByEmail(page, mailbox, email, pageCase.path, pageCase.locale);

      const response = await page.goto(pageCase.path);
      expect(response?.status()).toBe(pageCase.status ?? 200);
      const lang = pageCase.locale === "en" ? "en" : "zh-CN";
      // Rendered on the server in the site's layout: the language and the theme script are in the
      // HTML itself, so the page is right before any JavaScript runs (and never flashes).
      const served = await response!.text();
      expect.soft(served, "served <html lang>").toMatch(new RegExp(`<html[^>]*\\slang="${lang}"`));
      expect.soft(served.slice(0, served.indexOf("<body")), "theme script in the served <head>").toMatch(/<script[^>]*>[^<]*data-theme/);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.locator("html")).toHaveAttribute("data-theme", pageCase.colorScheme ?? "light");
      if (pageCase.ready) await expect(pageCase.ready(page)).toBeVisible();
      // The header's signed-in state arrives from the browser after hydration: wait for it so the check sees the final page.
      await expectHydrated(page);

      await expectNoSeriousAxeViolations(page, testInfo);
      await expectNoSidewaysScroll(page);
      await saveScreenshot(page, testInfo, `${pageCase.name}-${width}`);
    });
  }
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

/** Into test-results/screenshots/ (one folder to browse) and into the HTML report. */
async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = join(testInfo.project.outputDir, "screenshots", `${name}.png`);
  const body = await page.screenshot({ path, fullPage: true, animations: "disabled" });
  await testInfo.attach(name, { body, contentType: "image/png" });
}
