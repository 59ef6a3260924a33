/**
 * The audit log is append-only in the database itself (migration …_moderation): whatever code or
 * person holds a connection, an entry cannot be changed or removed.
 */
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/server/test/database.ts";

const database = useTestDatabase();

async function refusalOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return String(error);
  }
  return "no error";
}

describe("ModerationLog", () => {
  it("takes new entries but refuses UPDATE, DELETE and TRUNCATE", async () => {
    const { db } = database();
    const entry = await db.moderationLog.create({
      data: { actorId: null, rule: "watched_word", action: "hold", targetType: "comment", targetId: "c1", reason: "watched_word" },
    });

    expect(await refusalOf(() => db.$executeRaw`UPDATE "ModerationLog" SET reason = 'spam' WHERE id = ${entry.id}`)).toContain("append-only");
    expect(await refusalOf(() => db.$executeRaw`DELETE FROM "ModerationLog" WHERE id = ${entry.id}`)).toContain("append-only");
    expect(await refusalOf(() => db.$executeRawUnsafe(`TRUNCATE "ModerationLog"`))).toContain("append-only");
    expect(await refusalOf(() => db.moderationLog.update({ where: { id: entry.id }, data: { note: "changed" } }))).not.toBe("no error");

    const kept = await db.moderationLog.findMany();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ reason: "watched_word", note: null });
  });

  it("the site's settings are one row, with the defaults (pre-moderation of a new account's first comment on)", async () => {
    const { db } = database();
    // The row's value is turned off in test databases (server/test/database.ts); the migration's default is on.
    const [column] = await db.$queryRaw<{ column_default: string }[]>`
      SELECT column_default FROM information_schema.columns WHERE table_name = 'SiteSetting' AND column_name = 'premoderateFirstN'`;
    expect(column?.column_default).toBe("1");
    expect(await db.siteSetting.findMany()).toMatchObject([{ id: 1, flagHideThreshold: 3, newAccountDays: 7, newAccountLinkLimit: 1 }]);
    expect(await refusalOf(() => db.siteSetting.create({ data: { id: 2 } }))).not.toBe("no error");
  });
});
