/**
 * The whole email sign-in flow through the /api/auth route handler, against a real SMTP server
 * and a real database: request a link, receive the mail, open the link, and the ways it must fail.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/server/test/database.ts";
import type { Db } from "@/server/db/client.ts";
import { startSmtpInbox, type SmtpInbox, type ReceivedMail } from "@/server/mail/testing/smtp-inbox.ts";
import { clearOutbox, listOutbox } from "@/server/mail/dev-outbox.ts";
import { sessionTokenFromCookieHeader, sessionUserFromToken } from "./session-user.ts";
import { createAuthOptions, type AuthConfig } from "./options.ts";
import { createAuthRouteHandler, type AuthRouteHandler } from "./route-handler.ts";
import type { SignInEmailLimits } from "./email-quota.ts";
import { setRole } from "@/server/db/roles.ts";
import { clientAddressHeader } from "@/server/http/client-address.ts";

const site = "http://localhost:3310";
// next-auth v4 takes its own URL from NEXTAUTH_URL (the start script sets it from SITE_URL).
process.env.NEXTAUTH_URL = site;

let inbox: SmtpInbox;
let database: { db: Db; close(): Promise<void> };
let handle: AuthRouteHandler;

function config(overrides: Partial<AuthConfig> = {}): AuthConfig {
  return {
    siteUrl: new URL(site),
    isLocalSite: true,
    authSecret: "test-secret-test-secret-test-secret-0123",
    email: { server: inbox.url, from: "Tuiquan <no-reply@tuiquan.test>" },
    github: null,
    google: null,
    adminEmails: ["Boss@Example.com"],
    secureCookies: false,
    ...overrides,
  };
}

// High enough that only the tests about them meet the per-client and per-site limits.
const roomyLimits: SignInEmailLimits = { perClientPerHour: 1000, perHour: 1000 };

function handlerFor(authConfig: AuthConfig, log?: (line: string) => void, limits = roomyLimits): AuthRouteHandler {
  const options = createAuthOptions({ config: authConfig, getDb: async () => database.db, log });
  return createAuthRouteHandler({ getOptions: () => options, getDb: async () => database.db, getEmailLimits: () => limits });
}

/** A client with a cookie jar that talks to the route handler as a browser would. */
class Browser {
  readonly cookies = new Map<string, string>();

  /** `client`: the address the custom server would stamp (server/http/client-address.ts). */
  constructor(locale?: "zh" | "en", private readonly client?: string) {
    if (locale) this.cookies.set("NEXT_LOCALE", locale);
  }

  async fetch(pathOrUrl: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const url = new URL(pathOrUrl, site);
    const segments = url.pathname.replace(/^\/api\/auth\/?/, "").split("/").filter(Boolean);
    const headers = new Headers({ host: url.host });
    if (this.client) headers.set(clientAddressHeader, this.client);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    let body: string | undefined;
    if (init.form) {
      headers.set("content-type", "application/x-www-form-urlencoded");
      body = new URLSearchParams(init.form).toString();
    }
    const response = await handle(new Request(url, { method: init.method ?? (body ? "POST" : "GET"), headers, body }), segments);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0$/i.test(a));
      if (!name) continue;
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join("="));
    }
    return response;
  }

  get sessionToken(): string | null {
    return sessionTokenFromCookieHeader([...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
  }

  async csrfToken(): Promise<string> {
    const response = await this.fetch("/api/auth/csrf");
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  /** What the sign-in form does: POST the address with a CSRF token and json=true. */
  async requestLink(email: string, callbackUrl = "/"): Promise<Response> {
    const csrfToken = await this.csrfToken();
    return this.fetch("/api/auth/signin/email", { form: { email, csrfToken, callbackUrl, json: "true" } });
  }
}

function linkIn(mail: ReceivedMail): string {
  const match = /https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/.exec(mail.text);
  if (!match) throw new Error(`no sign-in link in:\n${mail.text}`);
  return match[0];
}

async function signInLink(browser: Browser, email: string, callbackUrl = "/"): Promise<string> {
  const response = await browser.requestLink(email, callbackUrl);
  expect(response.status).toBe(200);
  expect(((await response.json()) as { url: string }).url).toMatch(/\/api\/auth\/verify-request\?/);
  return linkIn(await inbox.nextMailTo(email.trim().toLowerCase()));
}

/** Follows next-auth's own /api/auth/error hop to the page a reader would see. */
async function landingOf(browser: Browser, response: Response): Promise<string> {
  expect(response.status).toBe(302);
  let location = response.headers.get("location") ?? "";
  if (new URL(location, site).pathname === "/api/auth/error") {
    const hop = await browser.fetch(location);
    expect(hop.status).toBe(302);
    location = hop.headers.get("location") ?? "";
  }
  const url = new URL(location, site);
  return `${url.pathname}${url.search}${url.hash}`;
}

beforeAll(async () => {
  inbox = await startSmtpInbox(3321);
  database = await createTestDatabase();
  handle = handlerFor(config());
});

afterAll(async () => {
  await inbox?.close();
  await database?.close();
});

beforeEach(async () => {
  handle = handlerFor(config());
  await database.db.signInEmail.deleteMany();
});

describe("email sign-in through a real SMTP server", () => {
  it("sends a link in the reader's language that signs in once and lands where the reader started", async () => {
    const browser = new Browser();
    const link = await signInLink(browser, "  Reader@Example.COM ", "/essays/tuiquan#p-abc");

    const mail = inbox.received.at(-1)!;
    expect(mail.to).toEqual(["reader@example.com"]);
    expect(mail.subject).toBe("登录退圈");
    expect(mail.text).toContain("10 分钟内有效");
    expect(mail.html).toContain("登录退圈");
    expect(mail.html).toContain(link.replace(/&/g, "&amp;"));

    const landing = await browser.fetch(link);
    expect(await landingOf(browser, landing)).toBe("/essays/tuiquan#p-abc");
    const user = await sessionUserFromToken(database.db, browser.sessionToken);
    expect(user).toMatchObject({ email: "reader@example.com", role: "USER" });

    // The same link a second time (even from another browser) is refused.
    const other = new Browser();
    expect(await landingOf(other, await other.fetch(link))).toBe("/signin/error?error=Verification");
    expect(other.sessionToken).toBeNull();
  });

  it("writes the email in English for a reader using the English interface", async () => {
    const browser = new Browser("en");
    await signInLink(browser, "english@example.com");
    const mail = inbox.received.at(-1)!;
    expect(mail.subject).toBe("Sign in to Tuiquan");
    expect(mail.text).toContain("The link expires in 10 minutes and works only once.");
    // The other language is there too, for a reader who cannot read this one.
    expect(mail.text).toContain("点击上方按钮即可登录退圈");
  });

  it("refuses an expired link and deletes it", async () => {
    const browser = new Browser();
    const link = await signInLink(browser, "late@example.com");
    const { count } = await database.db.verificationToken.updateMany({
      where: { identifier: "late@example.com" },
      data: { expires: new Date(Date.now() - 1000) },
    });
    expect(count).toBe(1);

    expect(await landingOf(browser, await browser.fetch(link))).toBe("/signin/error?error=Verification");
    expect(browser.sessionToken).toBeNull();
    expect(await database.db.verificationToken.count({ where: { identifier: "late@example.com" } })).toBe(0);
  });

  it("refuses a tampered link, and the genuine one still works", async () => {
    const browser = new Browser();
    const link = await signInLink(browser, "careful@example.com");
    const url = new URL(link);
    const token = url.searchParams.get("token")!;
    url.searchParams.set("token", `${token.slice(0, -1)}${token.endsWith("0") ? "1" : "0"}`);
    expect(await landingOf(browser, await browser.fetch(url.toString()))).toBe("/signin/error?error=Verification");

    const forged = new URL(link);
    forged.searchParams.set("email", "someone-else@example.com");
    expect(await landingOf(browser, await browser.fetch(forged.toString()))).toBe("/signin/error?error=Verification");

    expect(await landingOf(browser, await browser.fetch(link))).toBe("/");
    expect(browser.sessionToken).not.toBeNull();
  });

  it("never redirects to another site after sign-in", async () => {
    const browser = new Browser();
    const link = await signInLink(browser, "wanderer@example.com", "https://evil.example/steal");
    expect(await landingOf(browser, await browser.fetch(link))).toBe("/");
  });

  it("grants ADMIN to an address in ADMIN_EMAILS, whatever its case, and no one else", async () => {
    const boss = new Browser();
    await boss.fetch(await signInLink(boss, "boss@example.com"));
    expect(await sessionUserFromToken(database.db, boss.sessionToken)).toMatchObject({ role: "ADMIN" });

    const reader = new Browser();
    await reader.fetch(await signInLink(reader, "not-boss@example.com"));
    expect(await sessionUserFromToken(database.db, reader.sessionToken)).toMatchObject({ role: "USER" });
  });

  it("takes ADMIN back at the next sign-in once the address leaves ADMIN_EMAILS, giving back the role it replaced", async () => {
    const listed = handlerFor(config({ adminEmails: ["deputy@example.com", "owner@example.com"] }));
    const unlisted = handlerFor(config({ adminEmails: [] }));
    const deputy = await database.db.user.create({ data: { email: "deputy@example.com", role: "MODERATOR" } });
    const owner = await database.db.user.create({ data: { email: "owner@example.com" } });

    handle = listed;
    const first = new Browser();
    await first.fetch(await signInLink(first, "deputy@example.com"));
    expect(await sessionUserFromToken(database.db, first.sessionToken)).toMatchObject({ role: "ADMIN" });
    // The owner is made ADMIN by hand as well: that role is the operator's, not the list's.
    const ownerFirst = new Browser();
    await ownerFirst.fetch(await signInLink(ownerFirst, "owner@example.com"));
    await setRole(database.db, "owner@example.com", "ADMIN");

    handle = unlisted;
    const again = new Browser();
    await again.fetch(await signInLink(again, "deputy@example.com"));
    expect(await sessionUserFromToken(database.db, again.sessionToken)).toMatchObject({ role: "MODERATOR" });
    // Every session of theirs, the older one too, is a moderator's from its next request.
    expect(await sessionUserFromToken(database.db, first.sessionToken)).toMatchObject({ role: "MODERATOR" });
    expect(await database.db.user.findUniqueOrThrow({ where: { id: deputy.id } })).toMatchObject({ role: "MODERATOR", roleBeforeAdminGrant: null });

    const owners = new Browser();
    await owners.fetch(await signInLink(owners, "owner@example.com"));
    expect(await database.db.user.findUniqueOrThrow({ where: { id: owner.id } })).toMatchObject({ role: "ADMIN" });
  });

  it("signs out: the session is gone from the database, and its very next request is signed out", async () => {
    const browser = new Browser();
    await browser.fetch(await signInLink(browser, "leaving@example.com"));
    const token = browser.sessionToken;
    expect(token).not.toBeNull();
    // Read once, so this process keeps it (server/auth/session-cache.ts).
    expect(await sessionUserFromToken(database.db, token)).toMatchObject({ email: "leaving@example.com" });

    const csrfToken = await browser.csrfToken();
    const response = await browser.fetch("/api/auth/signout", { form: { csrfToken, callbackUrl: "/", json: "true" } });
    expect(response.status).toBe(200);
    expect(browser.sessionToken).toBeNull();
    expect(await database.db.session.count({ where: { sessionToken: token! } })).toBe(0);
    expect(await sessionUserFromToken(database.db, token)).toBeNull();
  });
});

describe("on an https site", () => {
  it("uses the __Secure- session cookie, marked Secure and HttpOnly", async () => {
    handle = handlerFor(config({ secureCookies: true }));
    const browser = new Browser();
    const link = await signInLink(browser, "secure@example.com");
    const response = await browser.fetch(link);
    const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("__Secure-next-auth.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; HttpOnly/i);
    expect(await sessionUserFromToken(database.db, browser.sessionToken)).toMatchObject({ email: "secure@example.com" });
  });
});

describe("what the sign-in form is told", () => {
  it("rejects an invalid address with a specific message in the reader's language, and sends nothing", async () => {
    const before = inbox.received.length;
    for (const [locale, message] of [
      ["zh", "这不是有效的邮箱地址"],
      ["en", "That is not a valid email address"],
    ] as const) {
      const response = await new Browser(locale).requestLink("not-an-address");
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe("invalid_email");
      expect(body.message).toContain(message);
    }
    const empty = await new Browser("en").requestLink("   ");
    expect(((await empty.json()) as { message: string }).message).toBe("Please enter your email address.");
    const long = await new Browser("en").requestLink(`${"a".repeat(60)}@${"b".repeat(190)}.com`);
    expect(((await long.json()) as { message: string }).message).toContain("too long");

    expect(inbox.received.length).toBe(before);
    expect(await database.db.signInEmail.count()).toBe(0);
  });

  it("sends five emails to one address in ten minutes and refuses the sixth with the minutes to wait", async () => {
    const browser = new Browser("en");
    for (let i = 0; i < 5; i++) await signInLink(browser, "eager@example.com");
    const before = inbox.received.length;

    const sixth = await browser.requestLink("EAGER@example.com");
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get("retry-after")).toBe("600");
    expect(await sixth.json()).toEqual({
      error: "too_many_emails",
      message: "At most 5 sign-in emails can go to one address within 10 minutes. Try again in 10 minutes.",
    });
    expect(inbox.received.length).toBe(before);

    // Another address is not affected.
    await signInLink(browser, "patient@example.com");
  });

  it("counts every spelling of one mailbox together, and still writes to the address as typed", async () => {
    const browser = new Browser("en");
    for (const spelling of ["fan.zhou@gmail.com", "Fan.Zhou+a@gmail.com", "fanzhou+b@googlemail.com", "f.an.zhou@gmail.com"]) {
      await signInLink(browser, spelling);
    }
    await signInLink(browser, "FANZHOU+c@gmail.com");
    const sixth = await browser.requestLink("fan.zhou+d@googlemail.com");
    expect(sixth.status).toBe(429);
    expect(((await sixth.json()) as { message: string }).message).toContain("one address within 10 minutes");
  });

  it("refuses a client address past its hourly limit, in the reader's language, with the wait", async () => {
    handle = handlerFor(config(), undefined, { perClientPerHour: 3, perHour: 1000 });
    const english = new Browser("en", "203.0.113.5");
    for (const name of ["a", "b", "c"]) await signInLink(english, `${name}@example.com`);
    const before = inbox.received.length;
    const refused = await english.requestLink("d@example.com");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("3600");
    expect(await refused.json()).toEqual({
      error: "too_many_emails",
      message: "Too many sign-in emails were asked for from your network in the last hour. Try again in 60 minutes.",
    });
    const chinese = await new Browser("zh", "203.0.113.5").requestLink("e@example.com");
    expect(((await chinese.json()) as { message: string }).message).toBe("过去一小时内从你的网络请求的登录邮件太多。请 60 分钟后再试。");
    expect(inbox.received.length).toBe(before);
    // Another client is not affected.
    await signInLink(new Browser("en", "198.51.100.8"), "d@example.com");
  });

  it("counts one IPv6 client by its /64 network", async () => {
    handle = handlerFor(config(), undefined, { perClientPerHour: 2, perHour: 1000 });
    await signInLink(new Browser("en", "2001:db8:1:2::1"), "v6a@example.com");
    await signInLink(new Browser("en", "2001:db8:1:2:ffff::9"), "v6b@example.com");
    expect((await new Browser("en", "2001:db8:1:2::77").requestLink("v6c@example.com")).status).toBe(429);
    await signInLink(new Browser("en", "2001:db8:1:3::1"), "v6c@example.com");
  });

  it("stops every sign-in email once the site's hourly cap is reached, saying when to try again", async () => {
    handle = handlerFor(config(), undefined, { perClientPerHour: 1000, perHour: 2 });
    await signInLink(new Browser("en", "203.0.113.1"), "one@example.com");
    await signInLink(new Browser("en", "203.0.113.2"), "two@example.com");
    const refused = await new Browser("en", "203.0.113.3").requestLink("three@example.com");
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { message: string }).message).toBe(
      "The site has sent as many sign-in emails as it may this hour, so that its mail is not taken for spam. Try again in 60 minutes.",
    );
    const chinese = await new Browser("zh", "203.0.113.4").requestLink("four@example.com");
    expect(((await chinese.json()) as { message: string }).message).toContain("本站这一小时内发出的登录邮件已达上限");
  });

  it("does not count a request that sent nothing (a stale CSRF token)", async () => {
    const browser = new Browser();
    await browser.csrfToken();
    const response = await browser.fetch("/api/auth/signin/email", {
      form: { email: "stale@example.com", csrfToken: "forged", json: "true" },
    });
    expect(((await response.json()) as { url: string }).url).toContain("/signin?csrf=true");
    expect(await database.db.signInEmail.count({ where: { email: "stale@example.com" } })).toBe(0);
  });
});

describe("without a mail server on a localhost site", () => {
  it("prints one log line with the recipient and the link, keeps it in the outbox, and the link works", async () => {
    clearOutbox();
    const lines: string[] = [];
    handle = handlerFor(config({ email: null }), (line) => lines.push(line));
    const browser = new Browser();
    const response = await browser.requestLink("local@example.com", "/account");
    expect(response.status).toBe(200);

    expect(lines).toHaveLength(1);
    const match = /^\[dev-mail\] sign-in link for local@example\.com: (http:\/\/localhost:3310\/api\/auth\/callback\/email\?\S+)$/.exec(lines[0]!);
    expect(match).not.toBeNull();
    const [latest] = listOutbox();
    expect(latest).toMatchObject({ to: "local@example.com", url: match![1], subject: "登录退圈" });

    expect(await landingOf(browser, await browser.fetch(match![1]!))).toBe("/account");
    expect(await sessionUserFromToken(database.db, browser.sessionToken)).toMatchObject({ email: "local@example.com" });
  });
});
