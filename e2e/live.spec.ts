/**
 * Live updates over server-sent events: a vote in one browser shows in another without a reload;
 * and, in the PostgreSQL run, events cross from one app server to another on the same database
 * (global setup starts the second one and names it in E2E_SECOND_APP_URL).
 */
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { t } from "./fixtures/content.ts";
import { e2eBaseUrl } from "./fixtures/settings.ts";
import { signInByEmail } from "./fixtures/sign-in.ts";
import { expect, test } from "./fixtures/test.ts";

const pollKey = "left-web3";

/** A placement of the poll, scrolled into view (the card loads lazily). */
async function pollCard(page: Page, placement: "first" | "last"): Promise<Locator> {
  const slot = page.getByTestId(`poll-${pollKey}`)[placement]();
  await slot.scrollIntoViewIfNeeded();
  const card = slot.getByTestId("poll-card");
  await expect(card).toBeVisible();
  return card;
}

/** The number in "共 N 人参与" (the voters line of the results). */
async function votersShown(card: Locator): Promise<number> {
  const text = await card.getByTestId("poll-voters").textContent();
  return Number(/\d+/.exec(text ?? "")?.[0] ?? Number.NaN);
}

async function vote(card: Locator, optionLabel: string): Promise<void> {
  await card.getByRole("radio", { name: optionLabel }).check();
  await card.getByRole("button", { name: t("zh", "polls.vote") }).click();
  await expect(card.getByTestId("poll-voters")).toBeVisible();
}

test("a vote in one browser updates the results in another without a reload", async ({ page, browser, mailbox, email, pageProblems }) => {
  // Reader A votes, so A sees the results, in both placements of the poll.
  await signInByEmail(page, mailbox, email, "/");
  const cardA = await pollCard(page, "first");
  await vote(cardA, "已经完全退圈");
  const endCardA = await pollCard(page, "last");
  const before = await votersShown(endCardA);

  // Reader B, in another browser context, votes too.
  const contextB = await browser.newContext({ baseURL: e2eBaseUrl });
  await pageProblems.watch(contextB);
  const pageB = await contextB.newPage();
  await signInByEmail(pageB, mailbox, `b-${email}`, "/");
  const cardB = await pollCard(pageB, "first");
  await vote(cardB, "从未入圈");
  const afterB = await votersShown(cardB);
  expect(afterB).toBeGreaterThan(before);

  // Both of A's cards count B's ballot without a reload: nothing but the live event refetches them.
  await expect.poll(() => votersShown(endCardA)).toBeGreaterThanOrEqual(afterB);
  await cardA.scrollIntoViewIfNeeded();
  await expect.poll(() => votersShown(cardA)).toBeGreaterThanOrEqual(afterB);
  await contextB.close();
});

/** tRPC over HTTP, as the browser's client sends it (superjson's envelope). */
async function trpcMutation(request: APIRequestContext, baseUrl: string, path: string, input: unknown) {
  const response = await request.post(`${baseUrl}/api/trpc/${path}`, { data: { json: input } });
  const body = (await response.json()) as { result?: { data: { json: unknown } }; error?: { json: { message: string } } };
  expect(response.ok(), `${path}: ${body.error?.json.message ?? response.status()}`).toBe(true);
  return body.result!.data.json;
}

/** Opens server-sent event streams in the page; their messages collect in window.__live[name]. */
async function openStreams(page: Page, streams: Record<string, string>): Promise<void> {
  await page.evaluate((named) => {
    const live: Record<string, string[]> = {};
    const connected: Record<string, boolean> = {};
    Object.assign(window, { __live: live, __connected: connected });
    for (const [name, url] of Object.entries(named)) {
      live[name] = [];
      const source = new EventSource(url);
      source.addEventListener("connected", () => (connected[name] = true));
      source.addEventListener("message", (event) => live[name]!.push((event as MessageEvent<string>).data));
    }
  }, streams);
  for (const name of Object.keys(streams)) {
    await expect.poll(() => page.evaluate((n) => (window as unknown as { __connected: Record<string, boolean> }).__connected[n] === true, name)).toBe(true);
  }
}

function received(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => (window as unknown as { __live: Record<string, string[]> }).__live[n] ?? [], name);
}

const subscriptionUrl = (path: string, input: unknown) => `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

// Only the PostgreSQL run has a second app server (one process owns an embedded database).
if (process.env.TEST_DATABASE_URL) {
  test("events published through one app server reach subscribers on another", async ({ page, browser, mailbox, email, pageProblems }) => {
    const secondServer = process.env.E2E_SECOND_APP_URL;
    if (!secondServer) throw new Error("E2E_SECOND_APP_URL is not set: global setup starts the second server in the PostgreSQL run.");

    // Server A: a signed-in reader who will vote and comment over tRPC HTTP.
    await signInByEmail(page, mailbox, email, "/");
    const polls = (await page.request.get(`/api/trpc/polls.listForEssay`).then((r) => r.json())) as {
      result: { data: { json: { id: string; key: string; options: { id: string }[] }[] } };
    };
    const poll = polls.result.data.json.find((candidate) => candidate.key === pollKey)!;

    // Server B: a page whose streams subscribe there (no sign-in: both streams are public).
    const contextB = await browser.newContext();
    await pageProblems.watch(contextB);
    const pageB = await contextB.newPage();
    await pageB.goto(`${secondServer}/`);
    await openStreams(pageB, {
      comments: subscriptionUrl("live.comments", {}),
      poll: subscriptionUrl("live.poll", { pollId: poll.id }),
    });

    // A vote through A reaches B. B's streams did not resume from an id, so whatever arrives came
    // from B's LISTEN connection. B's listener connects with its first subscriber: a vote cast in
    // that moment can come before it listens, so vote (or change the vote) until one arrives.
    let attempt = 0;
    await expect(async () => {
      const option = poll.options[attempt++ % poll.options.length]!;
      await trpcMutation(page.request, e2eBaseUrl, "polls.vote", { pollId: poll.id, optionIds: [option.id] });
      await expect.poll(() => received(pageB, "poll"), { timeout: 3_000 }).toContainEqual(expect.stringContaining("results-changed"));
    }).toPass({ timeout: 20_000 });

    // A comment posted through A arrives on B's comments stream.
    const text = `跨服务器的实时评论 ${Date.now()}`;
    await trpcMutation(page.request, e2eBaseUrl, "comments.create", { body: text });
    await expect.poll(async () => (await received(pageB, "comments")).some((data) => data.includes(text) && data.includes('"created"'))).toBe(true);
    await contextB.close();
  });
}
