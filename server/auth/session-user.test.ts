/**
 * The signed-in reader behind a session cookie, and the per-process copy that spares a query per
 * request: changes made here are seen at once, changes made elsewhere within sessionCacheTtlMs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { createTestDatabase, type TestDatabase } from "@/server/test/database.ts";
import { setRole } from "@/server/db/roles.ts";
import { forgetSessionToken, sessionCacheTtlMs, sessionRefreshEveryMs, sessionRefreshSettled } from "./session-cache.ts";
import { sessionTokenFromCookieHeader, sessionUserFromToken } from "./session-user.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

let sessions = 0;
async function signedIn(fields: { email?: string } = {}) {
  const user = await createTestUser(database.db, fields);
  sessions += 1;
  const token = `session-user-test-${sessions}-${Date.now()}`;
  await database.db.session.create({ data: { sessionToken: token, userId: user.id, expires: new Date(Date.now() + 24 * 3600_000) } });
  return { user, token };
}

describe("sessionUserFromToken", () => {
  it("finds the reader of a valid session, and nobody for a missing, oversized or expired one", async () => {
    const { user, token } = await signedIn();
    expect(await sessionUserFromToken(database.db, token)).toEqual(user);
    expect(await sessionUserFromToken(database.db, "no-such-token")).toBeNull();
    expect(await sessionUserFromToken(database.db, "x".repeat(513))).toBeNull();
    expect(await sessionUserFromToken(database.db, null)).toBeNull();

    const expired = await signedIn();
    await database.db.session.update({ where: { sessionToken: expired.token }, data: { expires: new Date(Date.now() - 1000) } });
    expect(await sessionUserFromToken(database.db, expired.token)).toBeNull();
  });

  it("never serves a kept session past the session's own expiry", async () => {
    const { token } = await signedIn();
    const expires = new Date(Date.now() + 2_000);
    await database.db.session.update({ where: { sessionToken: token }, data: { expires } });
    const now = Date.now();
    expect(await sessionUserFromToken(database.db, token, now)).not.toBeNull();
    expect(await sessionUserFromToken(database.db, token, expires.getTime())).toBeNull();
  });

  it("a change made by another process (the row deleted behind its back) is seen once the kept copy is sessionCacheTtlMs old", async () => {
    const { user, token } = await signedIn();
    const readAt = Date.now();
    expect(await sessionUserFromToken(database.db, token, readAt)).toEqual(user);
    await database.db.session.delete({ where: { sessionToken: token } });

    // The bound documented in session-cache.ts: served from memory until then, never after.
    expect(await sessionUserFromToken(database.db, token, readAt + sessionCacheTtlMs - 1)).toEqual(user);
    expect(await sessionUserFromToken(database.db, token, readAt + sessionCacheTtlMs)).toBeNull();
  });

  it("a role change in this process applies to the reader's very next request", async () => {
    const { user, token } = await signedIn({ email: `promoted-${Date.now()}@example.test` });
    expect(await sessionUserFromToken(database.db, token)).toMatchObject({ role: "USER" });
    await setRole(database.db, user.email!, "MODERATOR");
    expect(await sessionUserFromToken(database.db, token)).toMatchObject({ role: "MODERATOR" });
  });

  it("a new name or language saved with me.update is what the next request sees", async () => {
    const { user, token } = await signedIn();
    const reader = (await sessionUserFromToken(database.db, token))!;
    await createTestCaller({ db: database.db, user: reader }).me.update({ name: "新名字", locale: "en", showPollBadge: false });
    expect(await sessionUserFromToken(database.db, token)).toEqual({ ...user, name: "新名字", locale: "en" });
  });
});

describe("re-reading kept sessions ahead of time", () => {
  it("re-reads a reader who keeps acting in the background: changes made elsewhere arrive, and the 5 s count from that read", async () => {
    const kept = await signedIn();
    const signedOutElsewhere = await signedIn();
    // A clock of its own, later than the ones earlier tests passed (a batch is considered at most once a second).
    const t0 = Date.now() + 10 * sessionCacheTtlMs;
    expect(await sessionUserFromToken(database.db, kept.token, t0)).toEqual(kept.user);
    expect(await sessionUserFromToken(database.db, signedOutElsewhere.token, t0)).toEqual(signedOutElsewhere.user);
    // Another process promotes one reader and signs the other out; this one does not know.
    await database.db.user.update({ where: { id: kept.user.id }, data: { role: "MODERATOR" } });
    await database.db.session.delete({ where: { sessionToken: signedOutElsewhere.token } });

    // Before half the time, a hit is only a hit.
    expect(await sessionUserFromToken(database.db, kept.token, t0 + 1_000)).toMatchObject({ role: "USER" });
    await sessionRefreshSettled(database.db);
    expect(await sessionUserFromToken(database.db, kept.token, t0 + 1_001)).toMatchObject({ role: "USER" });

    // Half the time later, both are used again: served as kept, and re-read in one background query.
    const halfway = t0 + sessionCacheTtlMs / 2 + sessionRefreshEveryMs;
    expect(await sessionUserFromToken(database.db, signedOutElsewhere.token, halfway)).toEqual(signedOutElsewhere.user);
    expect(await sessionUserFromToken(database.db, kept.token, halfway)).toMatchObject({ role: "USER" });
    await sessionRefreshSettled(database.db);
    expect(await sessionUserFromToken(database.db, kept.token, halfway + 1)).toMatchObject({ role: "MODERATOR" });
    expect(await sessionUserFromToken(database.db, signedOutElsewhere.token, halfway + 1)).toBeNull();

    // Kept from the re-read on, not from the first read; and never longer.
    await database.db.session.delete({ where: { sessionToken: kept.token } });
    expect(await sessionUserFromToken(database.db, kept.token, t0 + sessionCacheTtlMs + 1)).toMatchObject({ role: "MODERATOR" });
    expect(await sessionUserFromToken(database.db, kept.token, halfway + sessionCacheTtlMs)).toBeNull();
  });

  it("a sign-out in this process while the session is being read is not undone by that read", async () => {
    const { user, token } = await signedIn();
    const reading = sessionUserFromToken(database.db, token);
    // next-auth's deleteSession: the row, then the kept copy (adapter.ts), while the read is in flight.
    const signingOut = database.db.session.delete({ where: { sessionToken: token } });
    forgetSessionToken(database.db, token);
    expect(await reading).toEqual(user);
    await signingOut;
    expect(await sessionUserFromToken(database.db, token)).toBeNull();
  });
});

describe("sessionTokenFromCookieHeader", () => {
  it("reads next-auth's cookie, with or without the secure prefix", () => {
    expect(sessionTokenFromCookieHeader("a=1; next-auth.session-token=abc%3D; b=2")).toBe("abc=");
    expect(sessionTokenFromCookieHeader("__Secure-next-auth.session-token=xyz")).toBe("xyz");
    expect(sessionTokenFromCookieHeader("other=1")).toBeNull();
    expect(sessionTokenFromCookieHeader(null)).toBeNull();
  });
});
