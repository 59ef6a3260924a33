/**
 * The essay page carries the security headers (docs/security-headers.md), and works under them:
 * the header's scripts run, and the browser reports no Content-Security-Policy violation (the
 * pageProblems fixture fails the test on one).
 */
import { expectHydrated } from "./fixtures/hydrated.ts";
import { expect, test } from "./fixtures/test.ts";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

for (const path of ["/", "/signin"]) {
  test(`${path} is served with the security headers`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const headers = response.headers();

    const policy = headers["content-security-policy"];
    expect(policy, "Content-Security-Policy").toBeTruthy();
    const csp = directives(policy!);
    const scriptSources = csp.get("script-src") ?? csp.get("default-src");
    expect(scriptSources, "script-src (or default-src)").toBeTruthy();
    expect(scriptSources).not.toContain("'unsafe-inline'");
    expect(scriptSources).not.toContain("'unsafe-eval'");
    expect(scriptSources).not.toContain("*");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src") ?? csp.get("default-src")).toEqual(["'none'"]);

    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    // Plain http on localhost: HSTS would be wrong here (it is sent over https only).
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(headers["x-powered-by"]).toBeUndefined();
  });
}

test("the essay page works under its Content-Security-Policy", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  // Client code runs: the page hydrates (the header learns the signed-in state) and the theme switch responds.
  await expectHydrated(page);
  await page.getByTestId("theme-switch").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});

test("a script injected into the page is blocked by the policy", async ({ page, pageProblems }) => {
  await page.goto("/");
  pageProblems.allow(/script-src|Content Security Policy/i);
  // What an injection through content would do: add an inline script the server never hashed.
  const ran = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const flag = window as unknown as { __injectedRan?: boolean };
        document.addEventListener("securitypolicyviolation", () => resolve(!!flag.__injectedRan), { once: true });
        const script = document.createElement("script");
        script.textContent = "window.__injectedRan = true";
        document.body.append(script);
        // An inline script the policy lets through runs during append, and no violation follows.
        if (flag.__injectedRan) resolve(true);
      }),
  );
  expect(ran).toBe(false);
  // The violation reaches the test through the page's binding, a message after the event.
  await expect.poll(() => pageProblems.seen.some((problem) => /CSP violation/.test(problem))).toBe(true);
});
