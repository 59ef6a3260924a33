import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, useTestDatabase, type TestDatabase } from "./database.ts";
import { createTestCaller, createTestUser } from "./caller.ts";

const opened: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((database) => database.close()));
});

async function fresh() {
  const database = await createTestDatabase();
  opened.push(database);
  return database;
}

describe("createTestDatabase", () => {
  it("gives a migrated database that Prisma can use", async () => {
    const { db } = await fresh();
    const user = await db.user.create({ data: { email: "reader@example.test", name: "读者" } });
    expect(await db.user.findUnique({ where: { id: user.id } })).toMatchObject({ name: "读者", role: "USER" });
  });

  it("gives every test its own database", async () => {
    const first = await fresh();
    const second = await fresh();
    await first.db.user.create({ data: { email: "only-in-first@example.test" } });
    expect(await second.db.user.count()).toBe(0);
    expect(await first.db.user.count()).toBe(1);
  });
});

describe("useTestDatabase", () => {
  const setUp: string[] = [];
  const database = useTestDatabase({
    setup: async (db) => {
      await db.user.create({ data: { email: "set-up@example.test" } });
      setUp.push("once");
    },
  });

  it("sets the block's database up before its first test", async () => {
    expect(await database().db.user.findUnique({ where: { email: "set-up@example.test" } })).not.toBeNull();
    await database().db.user.create({ data: { email: "first-test@example.test" } });
  });

  it("shares it with the block's later tests, set up only once", async () => {
    expect(await database().db.user.count()).toBe(2);
    expect(setUp).toEqual(["once"]);
  });
});

describe("createTestCaller", () => {
  it("calls procedures as a signed-out visitor", async () => {
    const { db } = await fresh();
    expect(await createTestCaller({ db }).me.get()).toBeNull();
  });

  it("calls procedures as the given reader", async () => {
    const { db } = await fresh();
    const user = await createTestUser(db, { name: "Ada", role: "ADMIN", locale: "en" });
    expect(await createTestCaller({ db, user }).me.get()).toEqual({ ...user, showPollBadge: false });
  });

  it("answers in the caller's locale when a procedure refuses", async () => {
    const { db } = await fresh();
    await expect(createTestCaller({ db, locale: "zh" }).me.update({ name: "x" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
