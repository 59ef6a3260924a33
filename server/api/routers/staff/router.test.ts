/**
 * staff.*: admins grant and remove the moderator role; never an admin's, never their own; each
 * change audited; the new role holds at the reader's very next request.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user.ts";
import { sessionUserFromToken } from "@/server/auth/session-user.ts";
import type { Db } from "@/server/db/client.ts";
import { readerAged } from "@/server/moderation/testing/moderation-fixture.ts";
import { createTestCaller, createTestUser } from "@/server/test/caller.ts";
import { useTestDatabase } from "@/server/test/database.ts";
import { refusal } from "@/server/test/refusal.ts";

const database = useTestDatabase();
let db: Db;
let admin: SessionUser;
beforeAll(async () => {
  db = database().db;
  admin = await readerAged(db, 100, "ADMIN");
});
const as = (user: SessionUser | null) => createTestCaller({ db, user, locale: "en" });

describe("staff", () => {
  it("an admin makes a reader a moderator and back; the session sees it at once; each change is logged", async () => {
    const reader = await createTestUser(db, { email: "Lin.Wei@Example.test", name: "林伟" });
    const token = `token-${reader.id}`;
    await db.session.create({ data: { sessionToken: token, userId: reader.id, expires: new Date(Date.now() + 86_400_000) } });
    expect((await sessionUserFromToken(db, token))?.role).toBe("USER"); // now kept by the session cache

    expect((await as(admin).staff.find({ email: "lin.wei@" })).users.map((u) => u.id)).toEqual([reader.id]);
    expect(await as(admin).staff.setRole({ userId: reader.id, role: "MODERATOR" })).toMatchObject({ id: reader.id, role: "MODERATOR" });
    expect((await sessionUserFromToken(db, token))?.role).toBe("MODERATOR");
    expect((await as(admin).staff.list()).staff.map((s) => [s.id, s.role])).toEqual(
      expect.arrayContaining([
        [admin.id, "ADMIN"],
        [reader.id, "MODERATOR"],
      ]),
    );

    await as(admin).staff.setRole({ userId: reader.id, role: "USER" });
    expect((await sessionUserFromToken(db, token))?.role).toBe("USER");
    const log = await db.moderationLog.findMany({ where: { targetId: reader.id, action: "role" }, orderBy: { id: "asc" } });
    expect(log.map((e) => [e.actorId, e.before, e.after])).toEqual([
      [admin.id, { role: "USER" }, { role: "MODERATOR" }],
      [admin.id, { role: "MODERATOR" }, { role: "USER" }],
    ]);
    // Setting the role it already has changes and logs nothing.
    await as(admin).staff.setRole({ userId: reader.id, role: "USER" });
    expect(await db.moderationLog.count({ where: { targetId: reader.id, action: "role" } })).toBe(2);
  });

  it("refuses an admin's role, one's own, an unknown reader and the ADMIN role, changing nothing", async () => {
    const other = await readerAged(db, 100, "ADMIN");
    const reader = await readerAged(db, 10);
    expect(await refusal(() => as(admin).staff.setRole({ userId: other.id, role: "USER" }), "en")).toMatchObject({
      code: "FORBIDDEN",
      message: "An administrator's role cannot be changed here (use npm run role).",
    });
    expect(await refusal(() => as(admin).staff.setRole({ userId: admin.id, role: "MODERATOR" }), "en")).toMatchObject({
      code: "BAD_REQUEST",
      message: "You cannot change your own role.",
    });
    expect((await refusal(() => as(admin).staff.setRole({ userId: "nobody", role: "MODERATOR" }), "en")).code).toBe("NOT_FOUND");
    expect((await refusal(() => as(admin).staff.setRole({ userId: reader.id, role: "ADMIN" as "USER" }), "en")).data.fieldErrors).toEqual({
      role: "The role can only be reader or moderator.",
    });
    expect(await db.user.findMany({ where: { id: { in: [other.id, admin.id, reader.id] } }, select: { role: true }, orderBy: { role: "asc" } })).toEqual([
      { role: "USER" },
      { role: "ADMIN" },
      { role: "ADMIN" },
    ]);
    expect(await db.moderationLog.count({ where: { action: "role", targetId: { in: [other.id, admin.id, reader.id] } } })).toBe(0);
  });
});
