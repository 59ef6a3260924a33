/**
 * The XSS corpus (e2e/fixtures/xss-payloads.ts: blns, PayloadsAllTheThings vectors and
 * Markdown-shaped ones) posted through every field that other readers see, then read by a
 * signed-out reader in Chromium. Fails on any dialog, any call of alert/confirm/prompt, any
 * Content-Security-Policy violation or console error (the `test` fixture watches those too), and
 * any element in a rendered comment outside the Markdown allowlist, any on* attribute or any
 * javascript: URL anywhere on the page.
 *
 * Fields: the comment body (comments.create), the display name (me.update: names have their own
 * rules, so many payloads are refused; the accepted ones must show as the author's name, as text),
 * and a poll's question and option labels (polls.moderation.create, by a seeded moderator; the
 * wording rules refuse line breaks and control characters, so those payloads are left out).
 * The readers are seeded with sessions of known tokens (fixtures/xss-data.ts), one comment each,
 * six payloads to a comment, on an essay of their own.
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures/test.ts";
import { xssEssaySlug, xssModeratorToken, xssReaderCount, xssReaderToken } from "./fixtures/xss-data.ts";
import { openPollCard } from "./fixtures/poll-card.ts";
import { budgets, scaled } from "./fixtures/settings.ts";
import { apiWithSession } from "./fixtures/readers.ts";
import { xssPayloads } from "./fixtures/xss-payloads.ts";
import { normalizePollWording } from "../server/polls/moderation/wording.ts";

type TrpcResult<T> = { ok: true; data: T } | { ok: false; status: number; code: string | undefined };

/** A tRPC mutation over HTTP, as the browser's link sends it (superjson: plain JSON inputs). */
async function mutate<T>(api: APIRequestContext, procedure: string, input: unknown): Promise<TrpcResult<T>> {
  const response = await api.post(`/api/trpc/${procedure}`, { data: { json: input } });
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: { json: { data?: { code?: string } } } };
  if (body.result) return { ok: true, data: body.result.data.json };
  return { ok: false, status: response.status(), code: body.error?.json.data?.code };
}

/** The corpus in comment bodies of about ten payloads each, one comment per reader. */
function commentBodies(): string[] {
  const perComment = Math.ceil(xssPayloads.length / xssReaderCount);
  const bodies: string[] = [];
  for (let start = 0; start < xssPayloads.length; start += perComment) {
    bodies.push(xssPayloads.slice(start, start + perComment).join("\n\n"));
  }
  return bodies;
}

/** Payloads worth trying as display names: those with markup characters first. */
function nameCandidates(): string[] {
  const fits = xssPayloads.filter((payload) => {
    const length = [...payload.trim()].length;
    return length >= 2 && length <= 32;
  });
  const hostile = (payload: string) => /[<>"'&]/.test(payload);
  return [...fits.filter(hostile), ...fits.filter((payload) => !hostile(payload))];
}

interface Posted {
  commentId: string;
  /** The display name the server accepted for its author, or null when none was. */
  name: string | null;
}

/** Runs `work` over `items` with at most `limit` in flight (the app has two cores to share). */
async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function postCorpus(): Promise<{ posted: Posted[]; namesTried: number; namesAccepted: number }> {
  const bodies = commentBodies();
  expect(bodies.length).toBeLessThanOrEqual(xssReaderCount);
  const names = nameCandidates();
  let namesTried = 0;
  let namesAccepted = 0;
  const posted = await inPool(bodies, 8, async (body, index) => {
    const api = await apiWithSession(xssReaderToken(index + 1));
    try {
      // Reader i tries candidates i, i + n, i + 2n (n readers) until one is accepted; refusals
      // are expected (control characters, length…) and must be a plain BAD_REQUEST.
      let name: string | null = null;
      for (let attempt = index; name === null && attempt < names.length && attempt < index + 3 * bodies.length; attempt += bodies.length) {
        namesTried += 1;
        const updated = await mutate<{ name: string | null }>(api, "me.update", { name: names[attempt] });
        if (updated.ok) name = updated.data.name;
        else expect(updated.code, `me.update ${JSON.stringify(names[attempt])}`).toBe("BAD_REQUEST");
      }
      if (name !== null) namesAccepted += 1;
      const created = await mutate<{ id: string }>(api, "comments.create", { slug: xssEssaySlug, body });
      if (!created.ok) throw new Error(`comments.create refused comment ${index}: ${created.status} ${created.code}`);
      return { commentId: created.data.id, name };
    } finally {
      await api.dispose();
    }
  });
  return { posted, namesTried, namesAccepted };
}

interface PostedPoll {
  key: string;
  wordings: string[];
}

/**
 * Payloads with markup or a script URL that the wording rules accept (one line, no control
 * characters, at most 300): wording is only ever text, so the rest of the corpus adds time, not
 * coverage.
 */
function pollWordings(): string[] {
  const seen = new Set<string>();
  return xssPayloads.filter((payload) => {
    const identity = payload.trim().toLocaleLowerCase("en");
    if (!/[<>"'&]|script:/i.test(payload)) return false;
    if (identity === "" || payload.length > 300 || /[\u0000-\u001f\u007f]/.test(payload) || seen.has(identity)) return false;
    seen.add(identity);
    return true;
  });
}

/** Polls on the essay whose question and twelve labels are payloads (the same in zh and en). */
async function postPolls(): Promise<PostedPoll[]> {
  const wordings = pollWordings();
  const perPoll = 13;
  const chunks: string[][] = [];
  for (let start = 0; start + 3 <= wordings.length; start += perPoll) chunks.push(wordings.slice(start, start + perPoll));
  const api = await apiWithSession(xssModeratorToken);
  try {
    return await inPool(chunks, 4, async ([question, ...labels], index) => {
      const key = `xss-${index + 1}`;
      const created = await mutate<{ id: string }>(api, "polls.moderation.create", {
        slug: xssEssaySlug,
        key,
        question: { zh: question, en: question },
        kind: "SINGLE",
        maxChoices: 1,
        options: labels.map((label) => ({ label: { zh: label, en: label } })),
        resultsVisibility: "ALWAYS",
        allowChange: true,
        placements: ["end"],
      });
      if (!created.ok) throw new Error(`polls.moderation.create refused ${key}: ${created.status} ${created.code}`);
      // As stored: less the invisible and bidi-override characters the server removes.
      return { key, wordings: [question!, ...labels].map(normalizePollWording) };
    });
  } finally {
    await api.dispose();
  }
}

/** Records every dialog and every call of the dialog functions, before any page script runs. */
async function trapScriptExecution(page: Page, dialogs: string[]): Promise<void> {
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const record = window as unknown as { __xss: string[]; __csp: string[] };
    record.__xss = [];
    record.__csp = [];
    for (const name of ["alert", "confirm", "prompt", "print"] as const) {
      const original = window[name] as (...args: unknown[]) => unknown;
      window[name] = ((...args: unknown[]) => {
        record.__xss.push(`${name}(${args.map(String).join(", ")})`);
        return original.apply(window, args);
      }) as never;
    }
    document.addEventListener("securitypolicyviolation", (event) => {
      record.__csp.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
}

/** Everything on the page that is not inert, and everything in a comment outside the allowlist. */
function auditPage(): string[] {
  const allowedInBody = new Set(["P", "BR", "STRONG", "EM", "DEL", "CODE", "PRE", "BLOCKQUOTE", "UL", "OL", "LI", "A"]);
  const allowedAttributes: Record<string, string[]> = { A: ["href", "rel", "target"], OL: ["start"] };
  const urlAttributes = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc"]);
  const problems: string[] = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) problems.push(`${element.tagName} has ${attribute.name}`);
      // Browsers ignore tabs, newlines and leading controls in a URL: so does this check.
      if (urlAttributes.has(attribute.name) && /^(?:javascript|vbscript):/i.test(attribute.value.replace(/[\u0000-\u0020]/g, ""))) {
        problems.push(`${element.tagName} ${attribute.name}=${attribute.value.slice(0, 80)}`);
      }
    }
  }
  for (const body of document.querySelectorAll('[data-testid="comment-body"]')) {
    for (const element of body.querySelectorAll("*")) {
      if (!allowedInBody.has(element.tagName)) problems.push(`<${element.tagName.toLowerCase()}> in a comment`);
      for (const attribute of element.attributes) {
        if (!(allowedAttributes[element.tagName] ?? []).includes(attribute.name)) {
          problems.push(`${attribute.name} on <${element.tagName.toLowerCase()}> in a comment`);
        }
      }
      if (element.tagName === "A") {
        const href = element.getAttribute("href") ?? "";
        if (!/^(?:https?:\/\/|mailto:)/.test(href)) problems.push(`link to ${href.slice(0, 80)}`);
        if (element.getAttribute("rel") !== "nofollow ugc noopener") problems.push(`link rel ${element.getAttribute("rel")}`);
      }
    }
  }
  return problems;
}

test("every payload of the XSS corpus renders as inert text in comments and author names", async ({ page }) => {
  test.setTimeout(budgets.long);
  const [{ posted, namesTried, namesAccepted }, polls] = await Promise.all([postCorpus(), postPolls()]);
  test.info().annotations.push({
    type: "corpus",
    description:
      `${xssPayloads.length} payloads in ${posted.length} comments; ${namesAccepted} of ${namesTried} names tried were accepted; ` +
      `${polls.reduce((sum, poll) => sum + poll.wordings.length, 0)} poll wordings in ${polls.length} polls`,
  });
  expect(namesAccepted, "some hostile display names are accepted and shown").toBeGreaterThan(0);

  const dialogs: string[] = [];
  await trapScriptExecution(page, dialogs);
  await page.goto(`/essays/${xssEssaySlug}#comments`);
  const comments = page.getByTestId("comments");
  await comments.scrollIntoViewIfNeeded();
  await expect(comments).toHaveAttribute("data-ready", "");

  // Page through until every comment of the corpus is on the page.
  const shown = comments.locator("[data-testid=comment][data-comment-id]");
  const loadMore = comments.getByTestId("comments-load-more");
  while ((await shown.count()) < posted.length) {
    const before = await shown.count();
    await loadMore.click();
    await expect.poll(() => shown.count(), { timeout: scaled(20_000) }).toBeGreaterThan(before);
  }
  const ids = await shown.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-comment-id")));
  expect(new Set(ids)).toEqual(new Set(posted.map((item) => item.commentId)));

  // A payload that waits for focus (autofocus/onfocus) would fire on the first Tab; the audit
  // below proves that no element carries a handler to fire at all.
  await page.keyboard.press("Tab");

  expect(await page.evaluate(auditPage)).toEqual([]);

  // Names show exactly as the server stored them, as text.
  for (const { commentId, name } of posted) {
    if (name === null) continue;
    const author = comments.locator(`[data-comment-id="${commentId}"]`).getByTestId("comment-author").first();
    expect(await author.evaluate((element) => [element.textContent, element.children.length])).toEqual([name, 0]);
  }

  // Each poll card (loaded when scrolled to) shows its question and labels as text.
  for (const poll of polls) {
    const slot = page.getByTestId(`poll-${poll.key}`).first();
    await openPollCard(slot);
    const text = (await slot.textContent()) ?? "";
    for (const wording of poll.wordings) expect(text, `poll ${poll.key}`).toContain(wording.trim());
  }
  expect(await page.evaluate(auditPage)).toEqual([]);

  // Script payloads are visible as what was typed.
  await expect(comments.getByTestId("comment-body").filter({ hasText: "<script>alert('XSS')</script>" }).first()).toBeVisible();

  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss: string[] }).__xss)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});
