/**
 * The signed-in reader behind a session cookie, and the per-process copy that spares a query per
 * request: changes made here are seen at once, changes made elsewhere within sessionCacheTtlMs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { createTestDatabase, type TestDatabase } from "@/server/test/database.ts";
import { setRole } from "@/server/db/roles.ts";
import { sessionCacheTtlMs } from "./session-cache.ts";
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

describe("sessionTokenFromCookieHeader", () => {
  it("reads next-auth's cookie, with or without the secure prefix", () => {
    expect(sessionTokenFromCookieHeader("a=1; next-auth.session-token=abc%3D; b=2")).toBe("abc=");
    expect(sessionTokenFromCookieHeader("__Secure-next-auth.session-token=xyz")).toBe("xyz");
    expect(sessionTokenFromCookieHeader("other=1")).toBeNull();
    expect(sessionTokenFromCookieHeader(null)).toBeNull();
  });
});
