import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/server/test/database.ts";
import { setRole } from "@/server/db/roles.ts";
import { syncAdminGrant } from "./admin-grant.ts";

describe("syncAdminGrant: ADMIN_EMAILS grants, and takes back only what it granted", () => {
  const database = useTestDatabase();
  const roleOf = async (id: string) =>
    database().db.user.findUniqueOrThrow({ where: { id }, select: { role: true, roleBeforeAdminGrant: true } });

  it("grants ADMIN to a listed address, remembering the role it replaced, and gives that back when delisted", async () => {
    const user = await database().db.user.create({ data: { email: "mod@example.test", role: "MODERATOR" } });
    expect(await syncAdminGrant(database().db, user, ["MOD@example.test"])).toBe("granted");
    expect(await roleOf(user.id)).toEqual({ role: "ADMIN", roleBeforeAdminGrant: "MODERATOR" });
    // Signing in again while listed changes nothing.
    expect(await syncAdminGrant(database().db, user, ["mod@example.test"])).toBeNull();
    expect(await syncAdminGrant(database().db, user, ["someone-else@example.test"])).toBe("revoked");
    expect(await roleOf(user.id)).toEqual({ role: "MODERATOR", roleBeforeAdminGrant: null });
    expect(await syncAdminGrant(database().db, user, [])).toBeNull();
  });

  it("never demotes an ADMIN made by hand, also one the list had made ADMIN before", async () => {
    const byHand = await database().db.user.create({ data: { email: "owner@example.test" } });
    await setRole(database().db, "owner@example.test", "ADMIN");
    expect(await syncAdminGrant(database().db, byHand, [])).toBeNull();
    expect(await roleOf(byHand.id)).toEqual({ role: "ADMIN", roleBeforeAdminGrant: null });

    const confirmed = await database().db.user.create({ data: { email: "confirmed@example.test" } });
    await syncAdminGrant(database().db, confirmed, ["confirmed@example.test"]);
    await setRole(database().db, "confirmed@example.test", "ADMIN"); // the operator makes it theirs
    expect(await syncAdminGrant(database().db, confirmed, [])).toBeNull();
    expect((await roleOf(confirmed.id)).role).toBe("ADMIN");
  });

  it("leaves a listed admin demoted by hand as the operator left them until they sign in again", async () => {
    const user = await database().db.user.create({ data: { email: "demoted@example.test" } });
    await syncAdminGrant(database().db, user, ["demoted@example.test"]);
    await setRole(database().db, "demoted@example.test", "USER");
    expect(await roleOf(user.id)).toEqual({ role: "USER", roleBeforeAdminGrant: null });
    // Still on the list: the next sign-in grants it again (the list is the operator's word too).
    expect(await syncAdminGrant(database().db, user, ["demoted@example.test"])).toBe("granted");
  });
});
