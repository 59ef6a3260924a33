import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/server/test/database.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { sessionUserFromToken } from "@/server/auth/session-user.ts";
import { parseRole, RoleChangeError, setRole } from "./roles.ts";

describe("setRole", () => {
  // One database for the block: every test uses email addresses of its own.
  const database = useTestDatabase();

  it("makes a reader a moderator", async () => {
    const reader = await createTestUser(database().db, { email: "mod@example.test", name: "版主" });

    const change = await setRole(database().db, "mod@example.test", "MODERATOR");

    expect(change).toEqual({ userId: reader.id, email: "mod@example.test", name: "版主", previous: "USER", role: "MODERATOR" });
    const stored = await database().db.user.findUniqueOrThrow({ where: { id: reader.id }, select: { role: true } });
    expect(stored.role).toBe("MODERATOR");
  });

  it("finds the user whatever the letter case of the email and the role", async () => {
    await createTestUser(database().db, { email: "ada@example.test" });

    const change = await setRole(database().db, "  Ada@Example.TEST ", "admin");

    expect(change).toMatchObject({ email: "ada@example.test", previous: "USER", role: "ADMIN" });
  });

  it("can take a role back", async () => {
    const admin = await createTestUser(database().db, { email: "former@example.test", role: "ADMIN" });

    await database().db.session.create({
      data: { sessionToken: "token-of-former-admin", userId: admin.id, expires: new Date(Date.now() + 3_600_000) },
    });

    expect(await setRole(database().db, "former@example.test", "USER")).toMatchObject({ previous: "ADMIN", role: "USER" });

    // The next request of their open session is an ordinary reader's.
    const user = await sessionUserFromToken(database().db, "token-of-former-admin");
    expect(await createTestCaller({ db: database().db, user }).me.get()).toMatchObject({ email: "former@example.test", role: "USER" });
  });

  it("says so when no one has signed in with that email", async () => {
    await expect(setRole(database().db, "nobody@example.test", "ADMIN")).rejects.toThrow(
      new RoleChangeError("No user with the email nobody@example.test. They must sign in once before they can be given a role."),
    );
  });

  it("refuses an unknown role before touching anyone, listing the valid ones", async () => {
    const reader = await createTestUser(database().db, { email: "reader@example.test" });

    await expect(setRole(database().db, "reader@example.test", "OWNER")).rejects.toThrow(
      'Unknown role "OWNER". Use one of: USER, MODERATOR, ADMIN.',
    );
    expect((await database().db.user.findUniqueOrThrow({ where: { id: reader.id } })).role).toBe("USER");
  });

  it("refuses something that is not an email address", async () => {
    await expect(setRole(database().db, "ADMIN", "ADMIN")).rejects.toThrow('"ADMIN" is not an email address.');
  });
});

describe("parseRole", () => {
  it("accepts the three roles in any case and nothing else", () => {
    expect(["user", "Moderator", "ADMIN"].map(parseRole)).toEqual(["USER", "MODERATOR", "ADMIN"]);
    expect(() => parseRole("")).toThrow(RoleChangeError);
    expect(() => parseRole("ADMINS")).toThrow(RoleChangeError);
  });
});
