/**
 * Sessions a reader controls: "sign out everywhere" (me.signOutEverywhere) ends every session on
 * every app server at once, and sessions slide (session-lifetime.ts) through the tRPC context.
 *
 * Two app servers are two database handles on one database, each with its own kept sessions
 * (session-cache.ts is per handle), and a bus between them: on PostgreSQL (TEST_DATABASE_URL) two
 * real LISTEN/NOTIFY buses, as two servers would have; on PGlite one in-process bus they share.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/server/db/generated/client.ts";
import { openDatabase, type Db } from "@/server/db/client.ts";
import { setDatabaseForProcess } from "@/server/db/index.ts";
import { createContextFromHeaders } from "@/server/api/trpc.ts";
import type { LiveBus } from "@/server/live/bus.ts";
import { sessionsChannel } from "@/server/live/channels.ts";
import { MemoryLiveBus } from "@/server/live/memory-bus.ts";
import { PostgresLiveBus } from "@/server/live/postgres-bus.ts";
import { setLiveBusForProcess } from "@/server/live/process-bus.ts";
import { createTestDatabase, type TestDatabase } from "@/server/test/database.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { forgetSessionsOnLiveEvents } from "./session-changes.ts";
import { sessionMaxAgeSeconds } from "./session-lifetime.ts";
import { sessionUserFromToken, type SessionUser } from "./session-user.ts";

const day = 24 * 60 * 60 * 1000;

let database: TestDatabase;
/** The second app server's handle on the same database. */
let otherDb: Db;
let closeOther: () => Promise<void>;
let busA: LiveBus;
let busB: LiveBus;

beforeAll(async () => {
  database = await createTestDatabase();
  setDatabaseForProcess({ db: database.db, target: database.target, pglite: database.pglite, close: async () => {} });
  if (database.target.kind === "postgres") {
    const other = await openDatabase(database.target);
    otherDb = other.db;
    closeOther = other.close;
    busA = new PostgresLiveBus(database.target.url);
    busB = new PostgresLiveBus(database.target.url);
  } else {
    otherDb = new PrismaClient({ adapter: new PrismaPGlite(database.pglite!) });
    closeOther = () => otherDb.$disconnect();
    busA = busB = new MemoryLiveBus();
  }
  setLiveBusForProcess(busA);
});

afterAll(async () => {
  setLiveBusForProcess(null);
  await busA.close();
  if (busB !== busA) await busB.close();
  await closeOther();
  await database.close();
});

async function sessionFor(user: SessionUser, token: string, expires = new Date(Date.now() + sessionMaxAgeSeconds * 1000)) {
  await database.db.session.create({ data: { sessionToken: token, userId: user.id, expires } });
}

/** Resolves with the next `sessions:` event for `userId` that reaches the other server. */
function nextSessionsEventOnB(userId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = busB.subscribe(sessionsChannel(userId), () => {
      stop();
      resolve();
    });
  });
}

describe("me.signOutEverywhere", () => {
  let stopForgetting: () => void;
  beforeAll(async () => {
    stopForgetting = forgetSessionsOnLiveEvents(busB, otherDb);
    await busB.ready();
  });
  afterAll(() => stopForgetting());

  it("ends every session of the reader at once, on this server and the other, and clears this cookie", async () => {
    const reader = await createTestUser(database.db, { email: "everywhere@example.test" });
    const bystander = await createTestUser(database.db, { email: "bystander@example.test" });
    await sessionFor(reader, "laptop-token");
    await sessionFor(reader, "phone-token");
    await sessionFor(bystander, "bystander-token");
    // Each server has read (and now keeps) the sessions its readers used.
    expect(await sessionUserFromToken(database.db, "laptop-token")).toMatchObject({ id: reader.id });
    expect(await sessionUserFromToken(otherDb, "phone-token")).toMatchObject({ id: reader.id });
    expect(await sessionUserFromToken(otherDb, "bystander-token")).toMatchObject({ id: bystander.id });

    const heard = nextSessionsEventOnB(reader.id);
    const responseHeaders = new Headers();
    const result = await createTestCaller({ db: database.db, user: reader, responseHeaders }).me.signOutEverywhere();
    expect(result).toEqual({ ended: 2 });
    expect(responseHeaders.getSetCookie().some((cookie) => /^next-auth\.session-token=;.*Expires=Thu, 01 Jan 1970/.test(cookie))).toBe(true);

    // This server: at once.
    expect(await sessionUserFromToken(database.db, "laptop-token")).toBeNull();
    // The other server: as soon as the announcement reaches it, not when its kept copy runs out.
    await heard;
    expect(await sessionUserFromToken(otherDb, "phone-token")).toBeNull();
    expect(await database.db.session.count({ where: { userId: reader.id } })).toBe(0);

    // Without an announcement the other server would have kept serving its copy: that is what it
    // prevents. (A bystander's session deleted behind its back is still served from the cache.)
    await database.db.session.deleteMany({ where: { sessionToken: "bystander-token" } });
    expect(await sessionUserFromToken(otherDb, "bystander-token")).toMatchObject({ id: bystander.id });
  });

  it("is refused to a signed-out visitor", async () => {
    await expect(createTestCaller({ db: database.db, user: null }).me.signOutEverywhere()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("sliding sessions through the tRPC context", () => {
  let reader: SessionUser;
  beforeEach(async () => {
    reader = await createTestUser(database.db);
  });

  async function request(cookie: string) {
    const responseHeaders = new Headers();
    const context = await createContextFromHeaders(new Headers({ cookie }), responseHeaders);
    return { user: context.user, setCookies: responseHeaders.getSetCookie() };
  }

  async function storedExpiry(token: string): Promise<number | undefined> {
    return (await database.db.session.findUnique({ where: { sessionToken: token } }))?.expires.getTime();
  }

  it("renews a session last renewed over a day ago to a full 30 days, and re-sends its cookie", async () => {
    await sessionFor(reader, "used-token", new Date(Date.now() + sessionMaxAgeSeconds * 1000 - 2 * day));
    const before = Date.now();
    const { user, setCookies } = await request("next-auth.session-token=used-token");
    expect(user).toMatchObject({ id: reader.id });
    const expiry = (await storedExpiry("used-token"))!;
    expect(expiry).toBeGreaterThanOrEqual(before + sessionMaxAgeSeconds * 1000);
    expect(setCookies).toHaveLength(1);
    expect(setCookies[0]).toMatch(/^next-auth\.session-token=used-token; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    expect(new Date(/Expires=([^;]+)/.exec(setCookies[0]!)![1]!).getTime()).toBe(Math.floor(expiry / 1000) * 1000);
  });

  it("leaves a session renewed within the day alone (at most one write a day)", async () => {
    const expires = new Date(Date.now() + sessionMaxAgeSeconds * 1000 - 60 * 60 * 1000);
    await sessionFor(reader, "fresh-token", expires);
    const { user, setCookies } = await request("next-auth.session-token=fresh-token");
    expect(user).toMatchObject({ id: reader.id });
    expect(setCookies).toEqual([]);
    expect(await storedExpiry("fresh-token")).toBe(expires.getTime());
  });

  it("renews the https cookie as the https cookie", async () => {
    await sessionFor(reader, "secure-token", new Date(Date.now() + 3 * day));
    const { setCookies } = await request("__Secure-next-auth.session-token=secure-token");
    expect(setCookies[0]).toMatch(/^__Secure-next-auth\.session-token=secure-token; .*; Secure$/);
  });

  it("ends a session unused for 30 days: signed out, nothing renewed", async () => {
    await sessionFor(reader, "idle-token", new Date(Date.now() - 1000));
    const { user, setCookies } = await request("next-auth.session-token=idle-token");
    expect(user).toBeNull();
    expect(setCookies).toEqual([]);
    expect((await storedExpiry("idle-token"))!).toBeLessThan(Date.now());
  });
});
