/**
 * Sessions a reader controls: "sign out everywhere" on the account page ends the reader's
 * sessions in every browser at once. Also screenshots of the account page's sessions section.
 */
import { join } from "node:path";
import { signInByEmail } from "./fixtures/sign-in.ts";
import { viewports } from "./fixtures/settings.ts";
import { expect, test } from "./fixtures/test.ts";

test("signing out everywhere in one browser signs the reader out in the other", async ({ page, browser, baseURL, mailbox, email, pageProblems }) => {
  await signInByEmail(page, mailbox, email, "/account");
  const other = await browser.newContext({ baseURL });
  await pageProblems.watch(other);
  try {
    const otherPage = await other.newPage();
    await signInByEmail(otherPage, mailbox, email, "/account");
    await expect(otherPage.getByTestId("account-email")).toHaveValue(email);

    await page.getByTestId("account-signout-everywhere").click();
    await expect(page).toHaveURL((url) => url.pathname === "/");
    await expect(page.getByTestId("signin-link")).toBeVisible();

    // The other browser did nothing; on its next request it is signed out.
    await otherPage.reload();
    await expect(otherPage).toHaveURL((url) => url.pathname === "/signin");
    await otherPage.goto("/");
    await expect(otherPage.getByTestId("signin-link")).toBeVisible();
  } finally {
    await other.close();
  }
});

for (const [width, viewport] of Object.entries(viewports)) {
  for (const locale of ["zh", "en"] as const) {
    test(`the account page's sessions section at ${width} width (${locale}): screenshot`, async ({ page, context, baseURL, mailbox, email }, testInfo) => {
      await page.setViewportSize(viewport);
      if (locale === "en") await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
      await signInByEmail(page, mailbox, email, "/account", locale);
      await expect(page.getByTestId("account-signout-everywhere")).toBeVisible();
      const name = `account-sessions-${locale}-${width}`;
      const body = await page.screenshot({ path: join(testInfo.project.outputDir, "screenshots", `${name}.png`), fullPage: true, animations: "disabled" });
      await testInfo.attach(name, { body, contentType: "image/png" });
    });
  }
}
