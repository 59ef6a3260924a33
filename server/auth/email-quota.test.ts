import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/server/test/database.ts";
import type { Db } from "@/server/db/client.ts";
import { pruneBatch, releaseSignInEmail, reserveSignInEmail, signInEmailLimitsFor, type SignInEmailLimits } from "./email-quota.ts";

let database: { db: Db; close(): Promise<void> };
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.signInEmail.deleteMany();
  await database.db.verificationToken.deleteMany();
});

const minute = 60_000;
const start = new Date("2026-11-25T12:00:00Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * minute);
const roomy: SignInEmailLimits = { perClientPerHour: 1000, perHour: 1000 };
const reserve = (email: string, when: Date, client = "192.0.2.1", limits: SignInEmailLimits | null = roomy) =>
  reserveSignInEmail(database.db, { email, client }, limits, when);

describe("sign-in email quota: 5 per mailbox per 10 minutes", () => {
  it("allows five and refuses the sixth, counting the wait from the oldest of the five", async () => {
    // Sends at minutes 0, 1, 2, 3, 4; the sixth asks at minute 4.5.
    for (let i = 0; i < 5; i++) expect((await reserve("a@example.com", at(i))).allowed).toBe(true);
    expect(await reserve("a@example.com", at(4.5))).toEqual({ allowed: false, limit: "mailbox", retryAfterMinutes: 6 });
    // A refusal is not a send: it does not push the wait further out.
    expect(await database.db.signInEmail.count({ where: { email: "a@example.com" } })).toBe(5);
    // Just before the oldest leaves the window: still refused, with at least one minute to wait.
    expect(await reserve("a@example.com", at(9.99))).toEqual({ allowed: false, limit: "mailbox", retryAfterMinutes: 1 });
    // Once it has left, one slot is free again, and only one.
    expect((await reserve("a@example.com", at(10))).allowed).toBe(true);
    expect(await reserve("a@example.com", at(10))).toEqual({ allowed: false, limit: "mailbox", retryAfterMinutes: 1 });
  });

  it("counts the canonical mailbox: case, +tags and Gmail's dots are one inbox", async () => {
    for (const spelling of ["Li.Wei@gmail.com", "liwei+1@gmail.com", "l.i.w.e.i@googlemail.com", "LIWEI+x@GMAIL.COM", "liwei@gmail.com"]) {
      expect((await reserve(spelling, at(0))).allowed).toBe(true);
    }
    expect((await reserve("li.wei+new@googlemail.com", at(1))).allowed).toBe(false);
    // Dots matter elsewhere: another provider's li.wei is another person.
    for (let i = 0; i < 5; i++) await reserve("li.wei@example.org", at(0));
    expect((await reserve("liwei@example.org", at(0))).allowed).toBe(true);
  });

  it("gives a released slot back", async () => {
    const reservations = [];
    for (let i = 0; i < 5; i++) reservations.push(await reserve("b@example.com", at(i)));
    const last = reservations.at(-1)!;
    if (!last.allowed) throw new Error("expected a reservation");
    await releaseSignInEmail(database.db, last.reservationId);
    expect((await reserve("b@example.com", at(5))).allowed).toBe(true);
  });

  it("never lets simultaneous requests take more than five slots", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => reserve("race@example.com", at(0))));
    expect(results.filter((result) => result.allowed)).toHaveLength(5);
    expect(await database.db.signInEmail.count({ where: { email: "race@example.com" } })).toBe(5);
  });
});

describe("per client address and per site, per hour", () => {
  it("refuses a client past its limit until its oldest send is an hour old; other clients go on", async () => {
    const limits = { perClientPerHour: 3, perHour: 1000 };
    for (let i = 0; i < 3; i++) expect((await reserve(`c${i}@example.com`, at(i * 10), "203.0.113.7", limits)).allowed).toBe(true);
    expect(await reserve("c9@example.com", at(25), "203.0.113.7", limits)).toEqual({ allowed: false, limit: "client", retryAfterMinutes: 35 });
    expect((await reserve("c9@example.com", at(25), "203.0.113.8", limits)).allowed).toBe(true);
    expect((await reserve("c9@example.com", at(60), "203.0.113.7", limits)).allowed).toBe(true);
  });

  it("refuses everyone once the site's hourly cap is reached, and frees a slot an hour after the oldest", async () => {
    const limits = { perClientPerHour: 1000, perHour: 4 };
    for (let i = 0; i < 4; i++) expect((await reserve(`s${i}@example.com`, at(i), `198.51.100.${i}`, limits)).allowed).toBe(true);
    expect(await reserve("late@example.com", at(30), "198.51.100.50", limits)).toEqual({ allowed: false, limit: "site", retryAfterMinutes: 30 });
    expect((await reserve("late@example.com", at(60), "198.51.100.50", limits)).allowed).toBe(true);
  });

  it("holds the site's cap exactly under simultaneous requests from many clients", async () => {
    const limits = { perClientPerHour: 1000, perHour: 7 };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => reserve(`r${i}@example.com`, at(0), `192.0.2.${i}`, limits)),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(7);
    expect(results.filter((result) => !result.allowed && result.limit === "site")).toHaveLength(13);
  });
});

describe("on a local site", () => {
  it("applies only the mailbox quota: every client is this machine", async () => {
    const config = { signInEmails: { perClientPerHour: 1, perHour: 1 } };
    expect(signInEmailLimitsFor({ ...config, isLocalSite: false })).toEqual({ perClientPerHour: 1, perHour: 1 });
    const limits = signInEmailLimitsFor({ ...config, isLocalSite: true });
    for (let i = 0; i < 30; i++) expect((await reserve(`dev${i}@example.com`, at(0), "127.0.0.1", limits)).allowed).toBe(true);
    for (let i = 0; i < 5; i++) await reserve("same@example.com", at(0), "127.0.0.1", limits);
    expect(await reserve("same@example.com", at(0), "127.0.0.1", limits)).toMatchObject({ allowed: false, limit: "mailbox" });
  });
});

describe("the tables stay bounded", () => {
  it("prunes quota rows older than an hour and expired verification tokens on each send, a bounded batch at a time", async () => {
    const old = at(-61);
    await database.db.signInEmail.createMany({
      data: Array.from({ length: pruneBatch + 20 }, (_, i) => ({ email: `gone${i}@example.com`, client: "192.0.2.9", sentAt: old })),
    });
    await database.db.signInEmail.create({ data: { email: "recent@example.com", client: "192.0.2.9", sentAt: at(-30) } });
    await database.db.verificationToken.createMany({
      data: [
        ...Array.from({ length: pruneBatch + 5 }, (_, i) => ({ identifier: `x${i}@example.com`, token: `expired-${i}`, expires: at(-1) })),
        { identifier: "live@example.com", token: "still-valid", expires: at(5) },
      ],
    });

    await reserve("now@example.com", at(0));
    // One batch went; the rows still counting and the token still usable stay.
    expect(await database.db.signInEmail.count({ where: { sentAt: { lte: at(-60) } } })).toBe(20);
    expect(await database.db.verificationToken.count({ where: { expires: { lte: at(0) } } })).toBe(5);

    await reserve("next@example.com", at(0));
    expect(await database.db.signInEmail.count()).toBe(3); // recent, now, next
    expect(await database.db.verificationToken.findMany({ select: { token: true } })).toEqual([{ token: "still-valid" }]);
  });

  it("does not prune on a refused request (refusals add nothing)", async () => {
    await database.db.signInEmail.create({ data: { email: "gone@example.com", sentAt: at(-120) } });
    for (let i = 0; i < 5; i++) await database.db.signInEmail.create({ data: { email: "full@example.com", sentAt: at(0) } });
    expect((await reserve("full@example.com", at(1))).allowed).toBe(false);
    expect(await database.db.signInEmail.count({ where: { email: "gone@example.com" } })).toBe(1);
  });
});
