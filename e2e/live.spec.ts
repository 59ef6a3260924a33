/**
 * Live updates over server-sent events: a vote in one browser shows in another without a reload;
 * and, in the PostgreSQL run, events cross from one app server to another on the same database
 * (global setup starts the second one and names it in E2E_SECOND_APP_URL).
 */
import type { APIRequestContext, Locator, Page, Request } from "@playwright/test";
import { t } from "./fixtures/content.ts";
import { openPollCard } from "./fixtures/poll-card.ts";
import { createSignedInReader } from "./fixtures/readers.ts";
import { e2eBaseUrl, scaled } from "./fixtures/settings.ts";
import { signInByEmail } from "./fixtures/sign-in.ts";
import { expect, test } from "./fixtures/test.ts";

const pollKey = "left-web3";

/** A placement of the poll, scrolled into view (the card loads lazily). */
async function pollCard(page: Page, placement: "first" | "last"): Promise<Locator> {
  return openPollCard(page.getByTestId(`poll-${pollKey}`)[placement]());
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
  const { context: contextB, page: pageB } = await createSignedInReader({ browser, pageProblems, mailbox }, `b-${email}`);
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
      await expect.poll(() => received(pageB, "poll"), { timeout: scaled(3_000) }).toContainEqual(expect.stringContaining("results-changed"));
    }).toPass({ timeout: scaled(20_000) });

    // A comment posted through A arrives on B's comments stream.
    const text = `跨服务器的实时评论 ${Date.now()}`;
    await trpcMutation(page.request, e2eBaseUrl, "comments.create", { body: text });
    await expect.poll(async () => (await received(pageB, "comments")).some((data) => data.includes(text) && data.includes('"created"'))).toBe(true);
    await contextB.close();
  });
}

/**
 * The essay page's live features share one server-sent events connection: browsers allow six
 * HTTP/1.1 connections per origin, so a stream per feature would leave a second tab's ordinary
 * requests hanging. The open live streams are counted from the page's requests.
 */
test("a signed-in reader's essay page holds one live connection for comments, polls and the bell", async ({ page, browser, mailbox, email, pageProblems }) => {
  await signInByEmail(page, mailbox, email, "/");
  await trpcMutation(page.request, e2eBaseUrl, "me.update", { name: "读者甲" });
  const mine = (await trpcMutation(page.request, e2eBaseUrl, "comments.create", { body: `等一个回复 ${Date.now()}` })) as { id: string };

  // Every live request from here on: open ones, the most open at once, and what the last one follows.
  const open = new Set<Request>();
  let mostOpen = 0;
  let lastUrl = "";
  page.on("request", (request) => {
    if (!request.url().includes("/api/trpc/live.")) return;
    open.add(request);
    mostOpen = Math.max(mostOpen, open.size);
    lastUrl = request.url();
  });
  const ended = (request: Request) => void open.delete(request);
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);

  await page.reload();
  await expect(page.getByTestId("notification-bell")).toBeVisible();
  const cardA = await pollCard(page, "first");
  await vote(cardA, "已经完全退圈");
  const endCardA = await pollCard(page, "last");
  const comments = page.getByTestId("comments");
  await comments.scrollIntoViewIfNeeded();
  await expect(comments.getByTestId("comment-composer").first()).toBeVisible();

  // Reader B votes and replies to A, reader C comments (one comment each: comments are rate-limited).
  const otherReader = async (tag: string, name: string) => {
    const { context, page: other } = await createSignedInReader({ browser, pageProblems, mailbox }, `${tag}-${email}`);
    await trpcMutation(other.request, e2eBaseUrl, "me.update", { name });
    return { context, request: other.request };
  };
  const readerB = await otherReader("b", "读者乙");
  const readerC = await otherReader("c", "读者丙");
  const polls = (await readerB.request.get(`/api/trpc/polls.listForEssay`).then((r) => r.json())) as {
    result: { data: { json: { id: string; key: string; options: { id: string }[] }[] } };
  };
  const poll = polls.result.data.json.find((candidate) => candidate.key === pollKey)!;
  const before = await votersShown(endCardA);
  await trpcMutation(readerB.request, e2eBaseUrl, "polls.vote", { pollId: poll.id, optionIds: [poll.options.at(-1)!.id] });
  await trpcMutation(readerB.request, e2eBaseUrl, "comments.create", { body: `回复你 ${Date.now()}`, parentId: mine.id });
  await trpcMutation(readerC.request, e2eBaseUrl, "comments.create", { body: `另一位读者的评论 ${Date.now()}` });

  // All three reach A without a reload…
  await expect.poll(() => votersShown(endCardA)).toBeGreaterThan(before);
  await expect(comments.getByTestId("new-comments")).toBeVisible();
  await expect(page.getByTestId("notification-count")).toHaveText("1");

  // …over one stream, which follows all of them.
  expect(mostOpen).toBe(1);
  expect(open.size).toBe(1);
  const input = JSON.parse(new URL(lastUrl).searchParams.get("input")!) as { json: { slug?: string; pollIds?: string[]; notifications?: boolean } };
  expect(new URL(lastUrl).pathname).toBe("/api/trpc/live.page");
  expect(input.json).toMatchObject({ notifications: true, pollIds: expect.arrayContaining([poll.id]) });
  expect(input.json.slug).toBeTruthy();
  await readerB.context.close();
  await readerC.context.close();
});
