/**
 * Keyboard-only use: pressing Tab from the top of each page reaches every visible control, and
 * focus never lands on something the reader cannot see.
 */
import type { Page } from "@playwright/test";
import { expectHydrated } from "./fixtures/hydrated.ts";
import { openPollCard } from "./fixtures/poll-card.ts";
import { signInByEmail } from "./fixtures/sign-in.ts";
import { expect, test } from "./fixtures/test.ts";

const publicPages = [
  { name: "essay", path: "/" },
  { name: "sign-in", path: "/signin" },
  { name: "check-email", path: "/signin/check-email" },
  { name: "sign-in error", path: "/signin/error?error=Verification" },
];

for (const { name, path } of publicPages) {
  test(`Tab reaches every control of the ${name} page`, async ({ page }) => {
    await page.goto(path);
    await expectTabReachesEveryControl(page);
  });
}

test("Tab reaches every control of the 404 page", async ({ page, pageProblems }) => {
  pageProblems.allow(/status of 404 .*\[http:\/\/[^\]]+\/no-such-page\]/);
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expectTabReachesEveryControl(page);
});

test("Tab reaches every control of the account page", async ({ page, mailbox, email }) => {
  await signInByEmail(page, mailbox, email, "/account");
  await expectTabReachesEveryControl(page);
});

test("the essay's controls work from the keyboard", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await expectHydrated(page);
  await page.getByTestId("theme-switch").focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");

  const firstTocLink = page.getByTestId("toc").getByRole("link").first();
  const id = decodeURIComponent((await firstTocLink.getAttribute("href"))!.slice(1));
  await firstTocLink.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL((url) => decodeURIComponent(url.hash) === `#${id}`);
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});

/**
 * Brings in what the page loads as the reader scrolls (the essay's poll cards and comment section)
 * and waits until each shows what it will keep showing, then goes back to the top. A walk over a
 * page still loading races it: focus sits on a skeleton or a button that is replaced a moment
 * later, and the walk ends early or meets controls that come and go.
 */
async function loadLazySections(page: Page): Promise<void> {
  for (const slot of await page.locator('section[data-testid^="poll-"]').all()) {
    await openPollCard(slot);
  }
  const comments = page.getByTestId("comments");
  if ((await comments.count()) > 0) {
    await comments.scrollIntoViewIfNeeded();
    await expect(comments).toHaveAttribute("data-ready", "");
    await expect(comments.getByTestId("comments-skeleton")).toHaveCount(0);
    // The walks here are signed out: the composer's sign-in link shows once the section knows it.
    await expect(comments.getByTestId("comment-sign-in").first()).toBeVisible();
  }
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
}

async function expectTabReachesEveryControl(page: Page): Promise<void> {
  // Without smooth scrolling: each Tab scrolls the control into view, and animating a hundred
  // scrolls is most of the walk's time on a busy machine (about three times as long), while the
  // order of the controls is the same.
  await page.emulateMedia({ reducedMotion: "reduce" });
  await expectHydrated(page);
  await loadLazySections(page);

  // The stops of the Tab order visible now. A composite widget (tabs, a sort switch) takes one
  // stop with its other items at tabindex -1, reached with the arrow keys; so does a group of
  // radio buttons, whichever of them Tab lands on. Should a part of the page still render again
  // while Tab moves, controls that appear later are walked through but not required, and one that
  // was replaced by a fresh copy of itself is not counted as missed.
  const controls = await page.evaluate(() => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex], [contenteditable="true"]';
    const stops: HTMLElement[][] = [];
    const radioGroups = new Map<string, HTMLElement[]>();
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (
        (element as HTMLButtonElement).disabled ||
        element.tabIndex < 0 ||
        element.closest("[inert]") ||
        !element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })
      ) {
        continue;
      }
      const radio = element instanceof HTMLInputElement && element.type === "radio" && element.name ? element : null;
      if (!radio) {
        stops.push([element]);
        continue;
      }
      const key = `${radio.form ? [...document.forms].indexOf(radio.form) : "-"}:${radio.name}`;
      const group = radioGroups.get(key);
      if (group) group.push(radio);
      else {
        radioGroups.set(key, [radio]);
        stops.push(radioGroups.get(key)!);
      }
    }
    (window as unknown as { __e2eControls: HTMLElement[][] }).__e2eControls = stops;
    return stops.length;
  });
  expect(controls).toBeGreaterThan(0);

  // Start from the top of the document, as a reader who just arrived does.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.getSelection()?.removeAllRanges();
    (window as unknown as { __e2eFocused: WeakSet<Element> }).__e2eFocused = new WeakSet<Element>();
  });
  const strays: string[] = [];
  for (let press = 0; press < 2 * controls + 40; press++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return { kind: "none" as const };
      // By identity: two controls with the same markup (a poll's options) are still two.
      const seen = (window as unknown as { __e2eFocused: WeakSet<Element> }).__e2eFocused;
      if (seen.has(element)) return { kind: "again" as const };
      seen.add(element);
      const visible = element.checkVisibility({ visibilityProperty: true }) && element.getClientRects().length > 0;
      return {
        kind: "element" as const,
        visible,
        description: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""} "${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40)}"`,
      };
    });
    // Past the last control focus leaves the page (none), and the next Tab wraps to the first
    // control again: the walk ends there, not at "none", which a replaced control also causes.
    if (focused.kind === "none") continue;
    if (focused.kind === "again") break;
    if (!focused.visible) strays.push(focused.description);
  }

  const missed = await page.evaluate(() => {
    const { __e2eControls: stops, __e2eFocused: focused } = window as unknown as { __e2eControls: HTMLElement[][]; __e2eFocused: WeakSet<Element> };
    return stops
      .filter((stop) => stop.some((element) => element.isConnected) && !stop.some((element) => focused.has(element)))
      .map(([element]) => element!)
      .map((element) => {
        const label = element.getAttribute("aria-label") ?? element.textContent?.trim().slice(0, 40) ?? "";
        const id = element.id ? `#${element.id}` : "";
        const testId = element.dataset.testid ? `[data-testid=${element.dataset.testid}]` : "";
        return `${element.tagName.toLowerCase()}${id}${testId} "${label}"`;
      });
  });
  expect(missed, "visible controls that Tab never reaches").toEqual([]);
  expect(strays, "focus landed on something invisible").toEqual([]);
}
