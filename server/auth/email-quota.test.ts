import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/server/test/database.ts";
import type { Db } from "@/server/db/client.ts";
import { releaseSignInEmail, reserveSignInEmail } from "./email-quota.ts";

let database: { db: Db; close(): Promise<void> };
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(() => database.db.signInEmail.deleteMany());

const minute = 60_000;
const start = new Date("2026-11-25T12:00:00Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * minute);

describe("sign-in email quota: 5 per address per 10 minutes", () => {
  it("allows five and refuses the sixth, counting the wait from the oldest of the five", async () => {
    // Sends at minutes 0, 1, 2, 3, 4; the sixth asks at minute 4.5.
    for (let i = 0; i < 5; i++) expect((await reserveSignInEmail(database.db, "a@example.com", at(i))).allowed).toBe(true);
    expect(await reserveSignInEmail(database.db, "a@example.com", at(4.5))).toEqual({ allowed: false, retryAfterMinutes: 6 });
    // A refusal is not a send: it does not push the wait further out.
    expect(await database.db.signInEmail.count({ where: { email: "a@example.com" } })).toBe(5);
    // Just before the oldest leaves the window: still refused, with at least one minute to wait.
    expect(await reserveSignInEmail(database.db, "a@example.com", at(9.99))).toEqual({ allowed: false, retryAfterMinutes: 1 });
    // Once it has left, one slot is free again, and only one.
    expect((await reserveSignInEmail(database.db, "a@example.com", at(10))).allowed).toBe(true);
    expect(await reserveSignInEmail(database.db, "a@example.com", at(10))).toEqual({ allowed: false, retryAfterMinutes: 1 });
  });

  it("counts each address on its own", async () => {
    for (let i = 0; i < 5; i++) await reserveSignInEmail(database.db, "busy@example.com", at(0));
    expect((await reserveSignInEmail(database.db, "calm@example.com", at(0))).allowed).toBe(true);
  });

  it("gives a released slot back", async () => {
    const reservations = [];
    for (let i = 0; i < 5; i++) reservations.push(await reserveSignInEmail(database.db, "b@example.com", at(i)));
    const last = reservations.at(-1)!;
    if (!last.allowed) throw new Error("expected a reservation");
    await releaseSignInEmail(database.db, last.reservationId);
    expect((await reserveSignInEmail(database.db, "b@example.com", at(5))).allowed).toBe(true);
  });

  it("never lets simultaneous requests take more than five slots", async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () => reserveSignInEmail(database.db, "race@example.com", at(0))),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(5);
    expect(await database.db.signInEmail.count({ where: { email: "race@example.com" } })).toBe(5);
  });

  it("forgets sends that left the window", async () => {
    await reserveSignInEmail(database.db, "old@example.com", at(0));
    await reserveSignInEmail(database.db, "old@example.com", at(30));
    expect(await database.db.signInEmail.count({ where: { email: "old@example.com" } })).toBe(1);
  });
});
