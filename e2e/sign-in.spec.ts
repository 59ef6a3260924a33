/** Signing in by email through a real SMTP server, the account page, signing out, bad links. */
import { essay, t } from "./fixtures/content.ts";
import { nextSignInLink, requestSignInLink, signInByEmail } from "./fixtures/sign-in.ts";
import { magicLinkIn } from "./fixtures/smtp.ts";
import { expect, test } from "./fixtures/test.ts";

test("a reader signs in by email from the essay, lands back on it, and signs out", async ({ page, mailbox, email }) => {
  const essayPath = `/essays/${essay.slug}`;
  await page.goto(essayPath);
  const signInLink = page.getByTestId("signin-link");
  // The link learns where the reader is once the page is interactive.
  await expect(signInLink).toHaveAttribute("href", /callbackUrl=/);
  await signInLink.click();
  await expect(page).toHaveURL((url) => url.pathname === "/signin");

  await requestSignInLink(page, email);
  await expect(page.getByTestId("check-email")).toContainText(email);

  const mail = await mailbox.nextMailTo(email);
  expect(mail.subject).toBe(t("zh", "auth.email.subject"));
  const link = magicLinkIn(mail);
  expect(link.origin).toBe(new URL(page.url()).origin);

  await page.goto(link.toString());
  await expect(page).toHaveURL((url) => url.pathname === essayPath);
  await expect(page.getByTestId("account-link")).toBeVisible();
  await expect(page.getByTestId("signin-link")).toHaveCount(0);

  // Still signed in on the next page.
  await page.goto("/");
  await expect(page.getByTestId("account-link")).toBeVisible();

  // Signing out reloads the page: wait for that reload to finish before the test reloads it again.
  await Promise.all([page.waitForEvent("load"), page.getByTestId("signout").click()]);
  await expect(page.getByTestId("signin-link")).toBeVisible();
  await expect(page.getByTestId("account-link")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("signin-link")).toBeVisible();
});

test("a reader sets a display name; invalid ones are explained and not saved", async ({ page, mailbox, email, pageProblems }) => {
  // The server refuses invalid names with 400, which Chromium logs for the failed request.
  pageProblems.allow(/status of 400 .*\[http:\/\/[^\]]+\/api\/trpc\/me\.update/);
  await signInByEmail(page, mailbox, email, "/account");
  const displayName = page.getByTestId("display-name");
  const save = page.getByTestId("account-save");
  const status = page.getByRole("status").filter({ hasText: /\S/ });

  await displayName.fill("读者小林");
  await save.click();
  await expect(status).toHaveText(t("zh", "account.saved"));
  await expect(page.getByTestId("account-link")).toHaveAccessibleName(
    t("zh", "common.auth.accountOf").replace("{name}", "读者小林"),
  );
  await page.reload();
  await expect(displayName).toHaveValue("读者小林");

  const invalidNames: Array<[string, string]> = [
    ["林", "errors.displayName.tooShort"],
    ["林".repeat(33), "errors.displayName.tooLong"],
    ["读者\u200b小林", "errors.displayName.invisible"],
    ["读者\u0007小林", "errors.displayName.invisible"],
  ];
  for (const [name, error] of invalidNames) {
    await displayName.fill(name);
    await save.click();
    await expect(page.getByText(t("zh", error))).toBeVisible();
    await page.reload();
    await expect(displayName, `"${name}" must not be saved`).toHaveValue("读者小林");
  }
});

test("a tampered sign-in link shows the sign-in error page, not a server error", async ({ page, mailbox, email }) => {
  await page.goto("/signin");
  await requestSignInLink(page, email);
  const link = await nextSignInLink(mailbox, email);
  const token = link.searchParams.get("token") ?? "";
  expect(token.length).toBeGreaterThan(8);
  link.searchParams.set("token", `${token.slice(0, -6)}${token.slice(-6).split("").reverse().join("")}x`);

  const response = await page.goto(link.toString());
  expect(response?.status()).toBeLessThan(500);
  await expect(page).toHaveURL((url) => url.pathname === "/signin/error");
  await expect(page.getByText(t("zh", "auth.error.Verification"))).toBeVisible();
  await expect(page.getByTestId("signin-link")).toBeVisible();
});

test("a sign-in link works once; opened again it shows the sign-in error page", async ({ page, browser, mailbox, email, pageProblems }) => {
  await page.goto("/signin");
  await requestSignInLink(page, email);
  const link = await nextSignInLink(mailbox, email);
  await page.goto(link.toString());
  await expect(page.getByTestId("account-link")).toBeVisible();

  // Someone else (or the same reader later, signed out) opens the same link.
  const other = await browser.newContext();
  await pageProblems.watch(other);
  const otherPage = await other.newPage();
  const response = await otherPage.goto(link.toString());
  expect(response?.status()).toBeLessThan(500);
  await expect(otherPage).toHaveURL((url) => url.pathname === "/signin/error");
  await expect(otherPage.getByText(t("zh", "auth.error.Verification"))).toBeVisible();
  await expect(otherPage.getByTestId("signin-link")).toBeVisible();
  await other.close();
});
